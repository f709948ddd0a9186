"""The practice server's HTTP side: the server object (``practice_server``), one connection's plumbing
(``http``), the API's routes (``routes``), the faults to practise on (``faults``) and its command line
(``cli``). What it answers comes from :mod:`helpers.practice.model`; nothing here imports the client."""
from .practice_server import LATENCY_VARIABLE, PracticeServer, latency_from_env, shared_server

__all__ = ["PracticeServer", "shared_server", "latency_from_env", "LATENCY_VARIABLE"]
