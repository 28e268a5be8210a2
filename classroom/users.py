"""Students' names and, when the hub runs as root, the system users the kit makes for them.

A name a student types is normalised (spaces trimmed, lower case) and must then be 1-24 lower-case
letters, digits or dashes, starting with a letter: short enough that every kernel socket fits the Unix
path limit (K14), and a valid system user name once the kit's prefix is added. Each student's system
user is ``ck-<name>``, so no student can become ``root`` or any account the machine already has.

>>> normalise(" Maria-Gonzalez ")
'maria-gonzalez'
>>> system_name("maria-gonzalez")
'ck-maria-gonzalez'
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import subprocess
from pathlib import Path

NAME_MAX = 24
SYSTEM_PREFIX = "ck-"
SYSTEM_GROUP = "chokepoints-students"  # every system user the kit made, and only those
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def normalise(name: str) -> str:
    """A typed name as the hub stores it: spaces trimmed, lower case.

    >>> normalise("  Student-01")
    'student-01'
    """
    return name.strip().lower()


def name_problem(name: str) -> str:
    """Why ``name`` (already normalised) cannot be a student's name, or ``""`` when it can.

    >>> name_problem("student-01")
    ''
    >>> name_problem("maria.fernanda.gonzalez.rodriguez.uni.edu")  # doctest: +ELLIPSIS
    "the name 'maria.fernanda.gonzalez.rodriguez.uni.edu' has 41 characters; at most 24 ..."
    >>> name_problem("maria gonzalez")  # doctest: +ELLIPSIS
    "the name 'maria gonzalez' may hold only ..."
    """
    if not name:
        return "type a name: 1 to 24 lower-case letters, digits or dashes (for example maria-gonzalez)"
    if len(name) > NAME_MAX:
        return (
            f"the name {name!r} has {len(name)} characters; at most {NAME_MAX} are allowed "
            "(kernel sockets and system user names are short): use a shorter one, e.g. your first name "
            "and initial"
        )
    if not _NAME.match(name):
        return (
            f"the name {name!r} may hold only lower-case letters, digits and dashes, and must start with "
            "a letter: use e.g. maria-gonzalez instead of 'Maria Gonzalez' or an e-mail address"
        )
    return ""


def check_name(name: str) -> str:
    """The normalised name, or a ValueError saying what is wrong and what to type instead.

    >>> check_name("Student-01")
    'student-01'
    >>> check_name("1st")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: the name '1st' may hold only lower-case letters, digits and dashes, ...
    """
    name = normalise(name)
    problem = name_problem(name)
    if problem:
        raise ValueError(problem)
    return name


def system_name(name: str) -> str:
    """The system user of student ``name`` (a checked name).

    >>> system_name("instructor")
    'ck-instructor'
    """
    return SYSTEM_PREFIX + check_name(name)


def _group_exists(group: str) -> bool:
    try:
        grp.getgrnam(group)
    except KeyError:
        return False
    return True


def ensure_system_user(name: str, home: Path) -> pwd.struct_passwd:
    """Create (as root) the system user of student ``name`` with ``home`` as its home, unless the kit made
    it before; refuse a system account of that name that the kit did not make."""
    user = system_name(name)
    if not _group_exists(SYSTEM_GROUP):
        subprocess.run(["groupadd", "--system", SYSTEM_GROUP], check=True, capture_output=True)
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        subprocess.run(
            ["useradd", "--no-create-home", "--home-dir", str(home), "--shell", "/usr/sbin/nologin",
             "--user-group", "--groups", SYSTEM_GROUP, "--comment", f"Chokepoints student {name}", user],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(user)
    if user not in grp.getgrnam(SYSTEM_GROUP).gr_mem:
        raise PermissionError(f"the system user {user} exists, not made by the kit: choose another name")
    if entry.pw_dir != str(home):
        subprocess.run(["usermod", "--home", str(home), user], check=True, capture_output=True)
        entry = pwd.getpwnam(user)
    return entry


def remove_system_user(name: str) -> bool:
    """Delete the kit's system user of student ``name`` (never the home); False if there was none."""
    user = system_name(name)
    try:
        pwd.getpwnam(user)
    except KeyError:
        return False
    if not _group_exists(SYSTEM_GROUP) or user not in grp.getgrnam(SYSTEM_GROUP).gr_mem:
        raise PermissionError(f"the system user {user} was not made by the kit; not removing it")
    subprocess.run(["userdel", user], check=True, capture_output=True)
    return True


def own_home(home: Path, entry: pwd.struct_passwd) -> None:
    """Give ``home`` (and what the hub put in it) to the student, mode 0700: nobody else may enter."""
    home.mkdir(parents=True, exist_ok=True)
    for path in [home, *home.rglob("*")]:
        st = path.lstat()
        if st.st_uid != entry.pw_uid:
            os.lchown(path, entry.pw_uid, entry.pw_gid)
    home.chmod(0o700)
