"""The classroom relay: one funded AI/ML API key for a whole room, a budget per seat.

The instructor runs it (``python -m relay serve``); each learner sets two values,
``AIML_API_BASE=http://RELAY:PORT/v1`` and ``AIML_API_KEY=<seat code>``, and the kit, raw
``requests`` and the OpenAI SDK work as they do against the API. Not installed for learners
(requirements-relay.txt, not requirements.txt). See workshop/GUIDE.md.

It runs on top of the kit (requirements.txt) and shares ``helpers.keys`` with it: the upstream key
is found and masked as the lessons' key is, and seat codes carry ``helpers.keys.RELAY_SEAT_PREFIX``,
which ``helpers.describe_mode()`` recognises.
"""
