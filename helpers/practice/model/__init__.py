"""What the practice server answers, written by a small sampled model of the kit's own text.

``replies`` chooses what to say and is the entry point (``make_reply``); ``facts`` and ``attachments``
work out what can be known for sure; ``corpus`` (with ``corpus/``), ``topics``, ``language_model``,
``sampler`` (llama.cpp's chain) and ``generation`` write the rest token by token; ``catalogue`` lists
the models served, their speed and their practice prices.
"""
from .catalogue import MODEL_SPECS, SERVED_MODELS
from .replies import SIMULATED_MARKER, make_reply

__all__ = ["MODEL_SPECS", "SERVED_MODELS", "SIMULATED_MARKER", "make_reply"]
