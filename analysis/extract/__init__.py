"""Extraction: one article's text to places, actors, events and dates.

One document flows through the stages, one module each: `text` (sentences, tokens), `gazetteer`
(the place index), `mentions` (place names), `geocode` (disambiguation), `actors` (people,
institutions, agents), `timex` (dates), `clauses` (triggers and their clauses), `roles` (who acts on
whom), `events` (coding, modality, attribution), `pipeline` (one article -> one record); `warm` loads
the reference data into a worker.
"""
