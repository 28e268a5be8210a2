# JupyterHub configuration for a class running the Chokepoints kit.
#
# `make classroom` (python -m classroom.hub) and `make classroom-test` write the settings of one run
# (ports, password, folders) to a JSON file and start `jupyterhub -f classroom/jupyterhub_config.py`
# with CHOKEPOINTS_CLASSROOM_SETTINGS naming that file. What the settings turn into is
# classroom.config.apply(): read it there, change it there (tests/test_classroom.py checks it).
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classroom.config import SETTINGS_ENV, Settings, apply  # noqa: E402

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)
apply(c, Settings.load(Path(os.environ[SETTINGS_ENV])))
