"""The offline practice server: a local stand-in for the AI/ML API, with simulated answers.

    from helpers.practice import PracticeServer
    with PracticeServer(latency=0) as srv:
        print(srv.base_url)        # point AIML_API_BASE here

In a lesson, one-line controls steer the practice server the kit is using::

    from helpers import practice
    practice.fail_next(2, status=503)

Three parts, one folder each: ``server/`` (HTTP), ``model/`` (what it answers) and ``lesson/``
(the controls and the next-token view). From a shell: ``python -m helpers.practice --port 8080``
prints its base URL first.
"""
from ..keys import PRACTICE_KEY
from .lesson.controls import (PracticeOnlyError, clear, controls, cut_next, fail_next, failing_server,
                              fresh_rate_window, slow_next, slow_server)
from .lesson.next_tokens import next_tokens
from .model import MODEL_SPECS, SERVED_MODELS, SIMULATED_MARKER
from .server import PracticeServer, shared_server

__all__ = ["PracticeServer", "shared_server", "PRACTICE_KEY", "SIMULATED_MARKER", "MODEL_SPECS", "SERVED_MODELS",
           "fail_next", "slow_next", "cut_next", "fresh_rate_window", "slow_server", "failing_server", "clear",
           "controls", "PracticeOnlyError", "next_tokens"]
