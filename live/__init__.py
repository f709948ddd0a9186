"""Live mode: tools an instructor runs against the real API (or any server that speaks it).

    make preflight       # python -m live.preflight: key, models, streaming, balance; go / no-go
    make test-live       # python -m live.run_lessons: drift check, client checks, every lesson
    python -m live.drift # the kit's description of the API against what the API does
    python -m live.profile  # re-count the calls each lesson makes (live/lesson_profile.json)

All of them read the key and base URL the way the lessons do (``AIML_API_KEY`` or ``.env``,
``AIML_API_BASE``), so pointing them at a practice server exercises the whole path. The key
is only ever shown masked.
"""
