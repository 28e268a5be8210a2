"""The kit on a JupyterHub for a whole class: a local class server and a load test of it.

- :mod:`classroom.config`: the settings of one hub run and the JupyterHub configuration made from them
  (``jupyterhub_config.py`` beside this file reads them);
- :mod:`classroom.procs`: the processes of a run (found by a marker in their environment), their
  memory, their listening sockets, and stopping them;
- :mod:`classroom.hub`: start and stop a hub; ``python -m classroom.hub`` is ``make classroom``;
- :mod:`classroom.loadtest`: simulated students; ``python -m classroom.loadtest`` is
  ``make classroom-test``.

The proxy, configurable-http-proxy, comes from npm: ``package.json`` and ``package-lock.json`` here pin
it, ``npm ci`` in this folder installs it into ``node_modules/`` (git-ignored).
"""
