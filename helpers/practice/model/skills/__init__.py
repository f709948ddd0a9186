"""What the practice server answers when a prompt asks for a skill rather than prose: a JSON object
(``json_shapes`` reads the request, ``json_answers`` writes it), a function call by prompt as Google
documents it for Gemma (``function_prompts``, ``function_calls``), a label (``label_answers``).
``skill_answers`` decides which; values come from the prompt's own text (``text_source``,
``value_finders``, ``phrase_finders``, ``field_values``, ``value_lexicon``), and ``model_slips`` makes
the 4B slip more often than the 12B, as small models do."""
