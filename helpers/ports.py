"""A free port on this machine, for a server the kit (or a test, or a benchmark) is about to start."""
from __future__ import annotations

import socket

__all__ = ["free_port"]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that nothing listens on right now (the system picks it, then lets it go).

    Another program could take it before you do; for a URL where nothing answers, that is rare
    enough on loopback. A server of your own should rather bind port 0 and read back its port.
    """
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]
