"""What the practice server answers when a prompt asks for a skill rather than prose: a JSON object
(``json_shapes`` reads the request, ``json_answers`` writes it), a function call by prompt as Google
documents it for Gemma (``function_prompts``, ``function_calls``), a label (``label_answers``).
``skill_answers`` decides which; values come from the prompt's own text: ``field_kinds`` (with
``key_lexicon``) reads what each key wants, ``text_source`` what the text holds, ``labelled_values``,
``value_finders`` and ``phrase_finders`` (with ``value_lexicon`` and ``code_tables``) offer candidates,
``field_values`` gives each key one; ``model_slips`` makes the 4B slip more often than the 12B, as small
models do."""
