"""Students' own logins (K6), checked names (K14) and the lock-out after failed logins (K11), without a hub:
the authenticator is called as JupyterHub's login handler calls it. `make classroom-test` does the same
through a real hub's login form."""

import asyncio
from pathlib import Path

import pytest

from classroom import hub, users
from classroom.config import check_socket_room
from classroom.logins import ClassAuthenticator, LoginThrottle


class Handler:
    """What the authenticator reads from JupyterHub's login handler, and the message it leaves there."""

    class request:
        remote_ip = "192.0.2.7"

    custom_login_error = ""


@pytest.fixture
def auth(tmp_path):
    return ClassAuthenticator(
        dbm_path=str(tmp_path / "passwords.dbm"),
        min_password_length=8,
        admin_users={"instructor"},
        admin_password="the-admin-password",
    )


def login(auth, name, password, handler=None):
    return asyncio.run(auth.authenticate(handler or Handler(), {"username": name, "password": password}))


def test_the_first_login_sets_a_students_password_and_nobody_else_can_use_the_name(auth):
    assert login(auth, "student-b", "b-password") == "student-b"
    assert login(auth, "student-b", "b-password") == "student-b"
    assert login(auth, "student-b", "a-password") is None  # K6: A cannot log in as B
    assert login(auth, " Student-B", "b-password") == "student-b"  # normalised as typed


def test_a_name_that_could_not_start_a_kernel_is_refused_with_what_to_type(auth):
    h = Handler()
    assert login(auth, "maria.fernanda.gonzalez.rodriguez.uni.edu", "long-enough", h) is None
    assert "41 characters; at most 24" in h.custom_login_error
    h = Handler()
    assert login(auth, "maria gonzalez", "long-enough", h) is None
    assert "lower-case letters, digits and dashes" in h.custom_login_error
    assert not auth.validate_username("root;") and auth.validate_username("maria-g")


def test_every_name_accepted_leaves_room_for_kernel_sockets():
    root = hub.runtime_root()
    try:
        longest = "a" * users.NAME_MAX
        assert users.check_name(longest) == longest
        check_socket_room(root, len(longest))
        assert len(users.system_name(longest)) <= 32  # useradd's limit
    finally:
        root.rmdir()


def test_a_short_first_password_is_refused_with_the_rule(auth):
    h = Handler()
    assert login(auth, "student-c", "short", h) is None
    assert "at least 8" in h.custom_login_error


def test_the_instructor_takes_only_the_printed_password_never_a_first_use_one(auth):
    assert login(auth, "instructor", "anything-else") is None
    assert login(auth, "instructor", "the-admin-password") == "instructor"


def test_six_wrong_passwords_lock_a_name_out_even_with_the_right_one_then(auth):
    """K11: 40 wrong admin passwords met no limit."""
    for _ in range(6):
        assert login(auth, "instructor", "guess") is None
    h = Handler()
    assert login(auth, "instructor", "the-admin-password", h) is None
    assert "too many failed logins" in h.custom_login_error
    assert login(auth, "student-d", "d-password") == "student-d"  # other names go on working


def test_the_throttle_doubles_the_lock_out_and_a_success_clears_it():
    now = [0.0]
    t = LoginThrottle(free=2, base=30, most=100, clock=lambda: now[0])
    assert [t.failed("x") for _ in range(5)] == [0.0, 0.0, 30.0, 60.0, 100.0]
    assert t.wait("x") == 100.0
    now[0] = 150.0
    assert t.wait("x") == 0.0
    t.succeeded("x")
    assert t.failed("x") == 0.0


def test_names_that_are_not_names_are_refused():
    for bad in ("", "-a", "1st", "a_b", "a.b", "ann@uni.edu", "x" * 25, "é"):
        with pytest.raises(ValueError):
            users.check_name(bad)
    assert users.check_name("Ann-2") == "ann-2"


def test_the_instructors_name_is_checked_like_a_students(tmp_path):
    from classroom.config import Settings

    with pytest.raises(ValueError, match="lower-case"):
        Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), admin_user="the boss")
