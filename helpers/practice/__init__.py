"""The offline practice server: a local stand-in for the AI/ML API, with simulated answers.

    from helpers.practice import PracticeServer
    with PracticeServer(latency=0) as srv:
        print(srv.base_url)        # point AIML_API_BASE here

From a shell: ``python -m helpers.practice --port 8080`` prints its base URL first.
"""
from .server import MODEL_SPECS, PRACTICE_KEY, SERVED_MODELS, SIMULATED_MARKER, PracticeServer, main, shared_server

__all__ = ["PracticeServer", "shared_server", "PRACTICE_KEY", "SIMULATED_MARKER", "MODEL_SPECS", "SERVED_MODELS",
           "main"]
