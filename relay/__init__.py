"""The classroom relay: one funded AI/ML API key for a whole room, a budget per seat.

The instructor runs it (``python -m relay serve``); each learner sets two values,
``AIML_API_BASE=http://RELAY:PORT/v1`` and ``AIML_API_KEY=<seat code>``, and the kit, raw
``requests`` and the OpenAI SDK work as they do against the API. Not installed for learners
(requirements-relay.txt, not requirements.txt). See workshop/GUIDE.md.
"""

#: Every seat code starts with this, so the kit can tell a relay seat from an API key offline
#: (helpers.Client.describe checks the same prefix).
SEAT_PREFIX = "relay-"
