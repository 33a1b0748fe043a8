"""The function words, CAMEO code relations and punctuation patterns that the clause rules read
(analysis/data/function_words.tsv), shared by `triggers`, `clauses` and `roles`."""

from __future__ import annotations

import re
from itertools import compress, count

from analysis.extract.text import mapping_group, phrase_group, values_group, word_group

# ---- CAMEO refinements ------------------------------------------------------------------------
INTENT_OF_ROOT = mapping_group("intent_of_root")  # agreeing to do an act (root 04-08) is an intent (03x)
INTENT_OF_CODE = mapping_group("intent_of_code")  # and some acts have their own intent code (072 -> 0332)
THREAT_OF = mapping_group("threat_of")  # a conflictual act announced for the future is a threat (13x) of it
REFUSAL_OF_ROOT = mapping_group("refusal_of_root")  # refusing an act (root 04-08) is a rejection (12x)
NOMINALISATIONS = mapping_group("nominalisation")  # 'lift' -> 'lifting': 'the lifting of sanctions' is 'lift sanctions'
# roots whose triggers govern a complement clause: statements, appeals, intentions, demands,
# disapproval, rejection, threats (other governors are marked 'control: governor' in the cue table)
CONTROL_ROOTS = word_group("control_root")
# joint acts: consult, cooperate, fight, and every trigger whose target follows 'with' ('agree with')
RECIPROCAL_ROOTS = word_group("reciprocal_root")
# roots whose acts can fall on a place (and so on its people): visits, material cooperation, aid,
# concessions, inspections, protests, force, sanctions, coercion, assault, fighting
PLACE_TARGET_ROOTS = word_group("place_target_root")
# prepositions that introduce the target for whole CAMEO roots, beside each trigger's own
ROOT_PREPS = values_group("root_prep")


def future_code(cameo: str) -> str:
    """The code of an act announced for the future: an intention (03x) or a threat (13x)."""
    if cameo[:3] in INTENT_OF_CODE:
        return INTENT_OF_CODE[cameo[:3]]
    if cameo[:2] in INTENT_OF_ROOT:
        return INTENT_OF_ROOT[cameo[:2]]
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in THREAT_OF:
            return THREAT_OF[cameo[:n]]
    return cameo


# ---- function words ---------------------------------------------------------------------------
WINDOW = 12  # tokens searched for a target after the trigger
MAX_FILLERS = 2  # modifiers allowed inside a verb phrase trigger (determiners are free)
MAX_AMOUNT_WORDS = 3  # words of an amount before its 'in'/'of' ('billion', 'metric tons')
BE = word_group("be")
PERFECT_AUX = word_group("perfect_aux")  # 'has', 'have', 'had'
PASSIVE_AUX = BE | word_group("passive_aux")
SUBJECT_PRONOUNS = word_group("subject_pronoun")
# words that may stand between a subject and its verb: auxiliaries, negation, adverbs, times
BETWEEN_SUBJECT_AND_VERB = word_group("between_subject_and_verb")
ADVERBS = word_group("adverb")
SUBORDINATORS = word_group("subordinator")
PREP_SUBORDINATORS = word_group("prep_subordinator")  # 'after', 'since': also prepositions ('after weeks of talks')
COORDINATORS = word_group("coordinator")
GERUND_PREPS = word_group("gerund_prep")
# 'resumed shelling', 'began collecting signatures': a gerund after these verbs is their complement
ASPECTUAL = word_group("aspectual")
VERB_PREFIXES = word_group("verb_prefix")  # 're-open', 're-impose': the verb after the hyphen is a trigger
CONDITIONALS = word_group("conditional")  # 'if', 'unless': the clause they open is hypothetical
PREPS_BETWEEN = word_group("prep_between")
BOUNDARY_WORDS = word_group("boundary_word")
OBJECT_STOPS = SUBORDINATORS | word_group("object_stop")
OBJECT_PREP_STOPS = word_group("object_prep_stop")
PHRASE_STOPS = OBJECT_PREP_STOPS | word_group("phrase_stop")
SUBJECT_PREPS = word_group("subject_prep")
PLACE_PREPS = word_group("place_prep")
ADJUNCT_PREPS = word_group("adjunct_prep")
QUANTIFIERS = phrase_group("quantifier")  # 'up to 16 advisers', 'at least 20 people'
PARTITIVE_QUANTIFIERS = word_group("partitive_quantifier")  # 'part of', 'most of' inside a verb's object
PARTITIVE_HEADS = word_group("partitive_head")  # 'thousands of protesters': the protesters are the subject
# the words of a part or a count before 'of' inside a verb's object: 'withdrew most of its troops', 'burned dozens
# of villages'
OBJECT_PARTS = PARTITIVE_QUANTIFIERS | PARTITIVE_HEADS
DETERMINERS = word_group("determiner")
PARTICLES = word_group("particle")
ARTICLES = word_group("article")  # 'a', 'an', 'the'
RELATIVE_PRONOUNS = word_group("relative_pronoun")  # 'X, who ...', 'X, which ...': X is the subject
INDEFINITE_ARTICLES = ARTICLES - {"the"}
NO_FILLERS = PARTICLES | SUBORDINATORS | BE | word_group("no_filler")
AMOUNT_LINKS = word_group("amount_link")  # '$5 billion in aid', '500 tonnes of food'
NOMINAL_CONTEXT = word_group("nominal_context")
NOMINAL_PREPS = word_group("nominal_prep")
CROWD_SECTORS = word_group("crowd_sector")  # the sectors of crowds: civilians, protesters, students, workers
JOINING_PHRASES = phrase_group("joining_phrase")  # 'the U.S. along with Britain': a second actor of the subject
JOINING_FIRSTS = frozenset(q[0] for q in JOINING_PHRASES)
JOINING_LASTS = frozenset(q[-1] for q in JOINING_PHRASES)
PLURAL_REFS = phrase_group("plural_ref")  # 'the two countries', 'each other': the article's main pair
PLURAL_HEADS = frozenset(ref[0] for ref in PLURAL_REFS)
RECIPROCAL_PRONOUNS = phrase_group("reciprocal_pronoun")  # 'X and Y accused each other': both ways


def _by_last(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their last word (most first words are common: 'the', 'at'; the last ones less so)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[-1], []).append(p)
    return out


QUANTIFIERS_BY_LAST = _by_last(QUANTIFIERS)
PLURAL_REFS_BY_LAST = _by_last(PLURAL_REFS)


def _phrases_in(low: list[str], by_last: dict[str, list[tuple[str, ...]]]) -> list[tuple[int, tuple[str, ...]]]:
    """(start, phrase) of every phrase of `by_last` in the lower-case words `low`, by where they end."""
    return [(k + 1 - len(p), p) for k in compress(count(), map(by_last.__contains__, low)) for p in by_last[low[k]]
            if k + 1 >= len(p) and tuple(low[k + 1 - len(p):k + 1]) == p]


# ';', ':' or a comma before 'which', 'but' ...; written to open on one class of characters, which the regex engine
# then looks for alone (far faster than trying the whole pattern at every character of a sentence)
CLAUSE_BREAK = re.compile(r"[;:,](?:(?<=[;:])|(?<=,)\s+(?:which|who|but|while|whereas|although|though)\b)")


def clause_break_ends(text: str, start: int, end: int) -> list[int]:
    """Where the CLAUSE_BREAK matches in text[start:end] end, in order: as `finditer` finds them, but tried only at
    the ';', ':' and ',' that open each (no match holds another: the engine would try every character)."""
    ends = []
    for mark in ";:,":
        at = text.find(mark, start, end)
        while at >= 0:
            if (m := CLAUSE_BREAK.match(text, at, end)) is not None:
                ends.append(m.end())
            at = text.find(mark, at + 1, end)
    return sorted(ends)


_DIGIT = re.compile(r"\d")
PUNCT = re.compile(r"[;:()]|,(?!\d)")  # not the comma of '1,200'; quotes do not end clauses
COMMA = re.compile(r",(?!\d)")
# 'a UN report alleged': report words that, right after an actor's name, are a noun
NOUN_REPORTS = word_group("report_noun")
# the words that may stand before an actor without making it a verb's object ('to Syria', 'and Denmark')
FUNCTION_BEFORE_OBJECT = SUBJECT_PREPS | ADJUNCT_PREPS | PLACE_PREPS | COORDINATORS | DETERMINERS | SUBORDINATORS \
    | BE | PERFECT_AUX | frozenset({"to", "by"})
# 'complained to the AU about Sudanese raids': the actor a grievance is about is its target, not the addressee
GRIEVANCE_PREPS = word_group("grievance_prep")
GRIEVANCE_ROOTS = word_group("grievance_root")  # demand, disapprove, reject, protest
BORDER_ROOTS = word_group("border_root")  # 'massed troops along the border with X': a show of force at X
BORDER_NOUNS = word_group("border_noun")
FLOW_ROOTS = word_group("flow_root")  # 'restrictions on travel to Cuba': the flow's other country
FLOW_OPENERS = word_group("flow_opener")  # 'on', 'against' the flow
FLOW_PREPS = word_group("flow_prep")
YIELD_CODES = word_group("yield_code")  # 'called off the strike after talks with X': X (not a release: 084)
YIELD_OPENERS = word_group("yield_opener")
YIELD_PREPS = word_group("yield_prep")
SELF_YIELD_CODES = word_group("self_yield_code")  # 'the rebels have been demobilised': the rebels retreat
STATE_ACT_ROOTS = word_group("state_act_root")  # 'was arrested in Lebanon': that state's act
PASSIVE_PLACE_PREPS = word_group("passive_place_prep")
POSSESSIVE_PRONOUNS = word_group("possessive_pronoun")  # 'X said its forces had ...'
SINGULAR_POSSESSIVES = word_group("singular_possessive")  # 'its': not the pronoun of a plural subject
PERSON_TITLES = word_group("person_title")  # 'the deputy chief of ...', 'the party's leader X'
PROTEST_CONTENT_ROOTS = word_group("protest_content_root")  # 'rioted, calling for the removal of X'
PATIENT_HEADS = word_group("patient_head")  # 'a Turkish military convoy was attacked': units, vehicles, posts
# roots whose object is another's act or word: 'rejected a proposal from X' -> X
AGENT_OBJECT_ROOTS = word_group("agent_object_root")
OCCURRENCE_VERBS = phrase_group("occurrence_verb")  # 'clashes erupted between X and Y'
OCCURRENCE_FIRSTS = frozenset(v[0] for v in OCCURRENCE_VERBS)
