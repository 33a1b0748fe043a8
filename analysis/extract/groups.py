"""Groups named by what they are, without a country word beside them: unnamed groups that open a clause
as its subject, follow the 'by' of a passive or take an act ('Gunmen killed four policemen in Quetta',
'were abducted by gunmen', 'fired tear gas at protesters', 'clashes between police and protesters'), and
peoples named by 'ethnic' and a demonym ('ethnic Albanians in Macedonia'). Both act where their sentence
is set (see `participants.acting_country`)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from analysis._resources import compiled
from analysis.extract._cached import Remembered
from analysis.extract._function_words import (
    ADVERBS,
    ARTICLES,
    BE,
    FUNCTION_BEFORE_OBJECT,
    PARTITIVE_HEADS,
    PASSIVE_AUX,
    PATIENT_HEADS,
)
from analysis.extract._token_index import possessive_forms, token_index, token_set
from analysis.extract.actors import ActorMention, actor_lexicon
from analysis.extract.agents import MAX_MODIFIERS, agent_after, agent_before, agent_code
from analysis.extract.gazetteer import NAME_KINDS, Gazetteer, norm_key
from analysis.extract.mentions import Lexicon, Mention, acting_verb
from analysis.extract.mentions import lexicon as mention_lexicon
from analysis.extract.participants import acting_country, places_by_sentence
from analysis.extract.records import Place
from analysis.extract.text import Token, word_group
from analysis.extract.titled import main_country

__all__ = ["ethnic_groups", "unnamed_groups"]

_ABROAD_SECTORS = ("MIL",)  # troops are often abroad: unnamed, they need a state word ('government troops')
_PREPOSITIONS = word_group("subject_prep") | word_group("place_prep")  # 'killed three of the gunmen'
_TARGET_PREPS = word_group("target_prep")  # 'fired at protesters', 'clashed with police'
_PAIR_PREPS = word_group("pair_prep")  # 'fighting between government forces and rebels'
_PAIR_CONJUNCTIONS = word_group("pair_conjunction")
_AUXILIARIES = word_group("perfect_aux")  # "Gunmen have killed"
# the sectors of groups that act where they live (gunmen, rebels, farmers, students; not officials or troops,
# who are often abroad): unnamed, they take the country of the sentence's places
_GROUP_SECTORS = word_group("group_sector")
_ETHNIC_MARKERS = word_group("ethnic_marker")  # 'ethnic Albanians': a people outside the demonym's country
_STATE_WORDS = word_group("state_modifier")  # 'the government', 'government troops', 'regime forces': the local state
_STATE_POSSESSIVES = possessive_forms(_STATE_WORDS)  # "the government's", "the regime's"
_NOT_MODIFIERS = word_group("not_modifier")  # 'that people': no modifier of the agent noun
_COLLECTIVES = word_group("collective_noun")  # 'police', 'people': many, without a plural ending
_MAX_FORCE_WORDS = 3  # words of an agent noun of armed forces before its head ('special operations forces')
_CUE_REACH = MAX_MODIFIERS + 2  # words before an agent noun where an act on it shows ('clashed with riot police')
_MAX_PAIR_GAP = 6  # words from 'between' to the 'and' of its pair ('between Ethiopian government forces and')
# words of a phrase between a subject and its verb: 'Gunmen on motorcycles killed', 'Protesters in the capital
# demanded', 'Farmers near the city of Lyon blocked', 'Police and soldiers in Caracas dispersed'
_MAX_SUBJECT_PHRASE = 6
_CLAUSE_WORDS = word_group("subordinator") | {"that"}  # 'Gunmen in the town where ...': a clause of its own
_PHRASE_PREPS = word_group("subject_phrase_prep")  # 'Gunmen on motorcycles killed'
_IRREGULAR_PAST = word_group("irregular_past")  # 'Villagers near the mine threw stones'
_LOCATIVES = word_group("locative") | word_group("place_prep") - {"to", "for", "on", "into"}  # 'in Kabul'
_NEGATIVES = word_group("negative_determiner")  # 'No residents were hurt': nobody
_FUNCTION_AFTER_NAME = _PREPOSITIONS | _PAIR_CONJUNCTIONS | PASSIVE_AUX | _AUXILIARIES | ADVERBS | _CLAUSE_WORDS
_WORD_GAP = re.compile(r"[\w\s-]*")  # the text between two words of a phrase: no mark


def unnamed_groups(text: str, tokens: list[Token], actors: list[ActorMention], mentions: list[Mention],
                 places: list[Place]) -> list[ActorMention]:
    """Agent nouns with no country word beside them that open a clause as its subject, or follow the 'by' of
    a passive: 'Gunmen killed four Pakistani policemen in Quetta', 'Insurgents attacked a Malian army base',
    'were abducted by gunmen' (up to MAX_MODIFIERS lower-case modifiers). Unnamed groups act where the
    sentence is set (see `acting_country`), else they are actors of unknown country coded by their sector alone
    ('UAF'), as GDELT codes such actors; never dropped. Only groups of people and the police, who serve
    where they are ('Police arrested three activists in Basra'; word group group_sector), and armed forces
    named as the state's ('Government troops shelled rebel positions near Aleppo', 'The government arrested
    three journalists in Minsk'; state_modifier):
    'Officials met in Geneva' names no country's officials; and not the head of a name ('Hezbollah
    guerrillas', 'Taliban fighters': the name codes them)."""
    index = token_index(tokens)
    at_heads = index.positions(_agent_heads()[0])
    possessives = index.positions(_STATE_POSSESSIVES)
    if not at_heads and not possessives:
        return []
    lex = mention_lexicon()
    in_actor = token_set(actors)
    countries = {p.start for p in places if p.country}  # 'Kurdish militants': a people of no country
    taken = in_actor | token_set([m for m in mentions if m.start in countries])
    out: list[ActorMention] = []
    found = _group_heads(text, tokens, index.lowers, at_heads, taken, lex)
    found += _state_possessives(tokens, possessives, taken)
    if not found:
        return out
    located: dict[int, list[tuple[int, str]]] | None = None  # read when a group is found
    adjectives: set[int] = set()
    acting = _word_tests(lex)[0]
    for first, last, sector in sorted(found, key=lambda f: -f[1]):  # from the end: a noun before its head joins it
        if not taken.isdisjoint(range(first, last + 1)):
            continue
        k = _modifiers_before(text, tokens, first, taken, acting)
        state = _has_state_word(tokens, index.lowers, k, last)
        if sector not in _GROUP_SECTORS and not state:
            continue  # troops and officials are often abroad; 'the government', 'government troops' are home
        tok = tokens[k]
        prev = _word_before(tokens, k, last)
        # the agent of a passive ('were kidnapped by gunmen'), the people a quantity counts ('thousands of farmers')
        by = prev == "by"
        counted = prev == "of" and k > 1 and tokens[k - 2].lower in PARTITIVE_HEADS
        # the group an act falls on: 'fired tear gas at protesters', 'clashed with police', 'arrested students';
        # not a person's description ('arrested opposition leader Kizza Besigye')
        # and 'the government' wherever it stands: 'demanded higher prices from the government'
        before = _governing_word(tokens, index.lowers, k, last, prev, counted)
        acted_on = (before in _TARGET_PREPS or acting[before] or _between_pair(tokens, k) or (
            state and _stem(tokens[last]) in _STATE_WORDS)) and not (
            tokens[last].spaced and tokens[last + 1].capitalised)
        if (prev in _PREPOSITIONS and not (by or counted or acted_on)) or (
                k - 1 in taken and tokens[k - 1].spaced):
            continue
        subject = _verb_follows(tokens, index.lowers, last, acting)
        next_to_act = by or acted_on or subject
        victims = not next_to_act and _victims(tokens, index.lowers, k, last, acting)
        # the verb after a phrase ('Gunmen on motorcycles killed'); -1 when the group stands next to its act
        verb = -1 if next_to_act or victims else _verb_after_phrase(text, tokens, index.lowers, last)
        if not (next_to_act or victims) and verb < 0:
            continue
        if located is None:
            located = places_by_sentence(text, tokens, mentions, places)
            adjectives = {m.first_token for m in mentions if _modifier(tokens, index.lowers, m, acting)}
        sites = located.get(tok.sentence, [])
        if victims:  # the people of 'were killed in a Saudi air strike' are not the striker's, unless it is theirs
            sites = [(t, c) for t, c in sites if t not in adjectives or t in in_actor]
        elif state and (subject or _progressive_follows(tokens, index.lowers, last)):
            # 'the government expelled two Russian diplomats', 'is considering sanctions against Myanmar's generals':
            # not the state its act is against
            sites = [(t, c) for t, c in sites if t < k or index.lowers[t - 1] in _LOCATIVES]
        country = acting_country(sites if verb < 0 else _clause_places(text, tokens, sites, verb), in_actor, k)
        if country is None and state:  # 'the government' of a sentence that names no home: the story's country,
            lo, hi = _sentence_span(tokens, k)  # as its other sentences name it
            country = main_country([p for p in places if not lo <= p.start < hi])
        code, sector = agent_code(country, sector)
        start, end = tokens[k].start, tokens[last].end - (2 if tokens[last].possessive else 0)
        out.append(ActorMention(start, end, text[start:end], code, text[start:end], country, sector, "agent", k, last))
        taken.update(range(k, last + 1))
    return out


def _modifier(tokens: list[Token], lowers: list[str], m: Mention, acting: Mapping[str, bool]) -> bool:
    """Whether a place name modifies the noun after it ('a Russian missile strike', 'Saudi air raids', 'Turkish
    shelling'): a people's word, or a name before a lower-case word that is no function word or verb (not 'in
    Kyiv on Tuesday', 'Kyiv was struck', "Georgia's defeat")."""
    last = m.last_token
    if m.name_kind == "demonym":
        return True
    if tokens[last].possessive or not tokens[last].spaced or tokens[last + 1].capitalised:
        return False
    word = lowers[last + 1]
    return word not in _FUNCTION_AFTER_NAME and not acting[word]


def _word_before(tokens: list[Token], k: int, last: int) -> str:
    """The lower-case word before the phrase at tokens k..last in its sentence ('' at its start); before a
    group named with 'the' and in the plural or as a collective, the word before the 'the' ('accused the
    police', 'clashed with the rebels', 'arrested by the protesters': the group is the object of what comes
    before; not 'shot the man', one person)."""
    j = k - 1
    if j > 0 and tokens[j].lower == "the" and _plural_or_collective(tokens[last].lower):
        j -= 1
    return tokens[j].lower if j >= 0 and tokens[j].sentence == tokens[k].sentence else ""


def _governing_word(tokens: list[Token], lowers: list[str], k: int, last: int, prev: str, counted: bool) -> str:
    """The word that governs the phrase of an agent noun at tokens k..last, whose word before is `prev`:
    before a quantity of the group ('arrested hundreds of opposition activists', 'fired at crowds of
    students'), or before the article of a unit or post the group's noun modifies ('attacked a police
    checkpoint', 'stormed the police station'); else `prev`."""
    if counted:
        return _word_before(tokens, k - 2, k - 2)
    if prev in ARTICLES and tokens[last].spaced and lowers[last + 1] in PATIENT_HEADS:
        return _word_before(tokens, k - 1, k - 1)
    return prev


def _plural_or_collective(word: str) -> bool:
    """Whether an agent noun names many: a plural ('rebels', 'gunmen') or a collective ('police')."""
    return (word.endswith("s") and not word.endswith("ss")) or word.endswith("men") or word in _COLLECTIVES


def _has_state_word(tokens: list[Token], lowers: list[str], k: int, last: int) -> bool:
    """Whether a state word, or its possessive, stands among tokens k..last ('government troops', "the
    regime's forces")."""
    words = lowers[k:last + 1]
    if not _STATE_WORDS.isdisjoint(words):
        return True
    return not _STATE_POSSESSIVES.isdisjoint(words) and not _STATE_WORDS.isdisjoint(map(_stem, tokens[k:last + 1]))


def _stem(token: Token) -> str:
    """A token's lower-case word without a possessive ending ("government's" -> 'government')."""
    return token.lower[:-2] if token.possessive else token.lower


def _state_possessives(tokens: list[Token], at: list[int], taken: set[int]) -> list[tuple[int, int, str]]:
    """(first, last token, sector) of 'the government's', 'the regime's' ('criticised the government's
    decision', 'protested against the regime's plan'), among the tokens `at` that read as a state word's
    possessive: the state whose thing an act is about."""
    agents = actor_lexicon().agents
    out = []
    for i in at:
        t = tokens[i]
        if t.possessive and i not in taken and i > 0 and tokens[i - 1].lower == "the" \
                and (sector := agents.get((t.lower[:-2],))) is not None:
            out.append((i, i, sector))
    return out


def _group_heads(text: str, tokens: list[Token], lowers: list[str], at_heads: list[int], taken: set[int],
                 lex: Lexicon) -> list[tuple[int, int, str]]:
    """(first, last token, sector) of the agent nouns ending at the heads `at_heads` that may name an
    unnamed group: not taken, armed forces only after a state word, and a state word, near a verb or
    preposition of a target, the subject of a verb or passive or after a 'by' (the tests that pass most often
    first)."""
    force_heads = _agent_heads()[1]
    acting, cues = _word_tests(lex)
    reach = _max_agent_words() + MAX_MODIFIERS
    out = []
    for h in at_heads:
        if h in taken:
            continue
        word = lowers[h]
        if word in force_heads and _STATE_WORDS.isdisjoint(lowers[max(0, h - MAX_MODIFIERS - _MAX_FORCE_WORDS):h]):
            continue  # 'government troops', 'regime elite forces': armed forces need a state word
        if word in _STATE_WORDS or any(map(cues.__getitem__, lowers[max(0, h - _CUE_REACH):h])) \
                or _verb_follows(tokens, lowers, h, acting) or _by_may_precede(text, tokens, h, reach) \
                or _verb_after_phrase(text, tokens, lowers, h) >= 0 or _passive_follows(tokens, lowers, h, acting):
            found = agent_before(tokens, h, text)
            if found is not None:
                out.append((found[1], h, found[0]))
    return out


def ethnic_groups(text: str, tokens: list[Token], gaz: Gazetteer, actors: list[ActorMention],
                  mentions: list[Mention], places: list[Place]) -> list[ActorMention]:
    """Peoples named by 'ethnic' and a demonym ('ethnic Albanians in Macedonia', 'Ethnic Serbs in northern
    Kosovo blocked roads', 'ethnic Chinese in Indonesia'): the civilians (CVL) of the country they live in,
    the nearest place of their sentence (see `acting_country`), never of the country the demonym names; of unknown
    country when the sentence names none. 'ethnic Albanian guerrillas' is left to the agent noun."""
    at = [i + 1 for i in token_index(tokens).positions(_ETHNIC_MARKERS) if tokens[i].spaced]
    if not at:
        return []
    in_actor = token_set(actors)
    taken = in_actor | token_set(mentions)
    located = places_by_sentence(text, tokens, mentions, places)
    out: list[ActorMention] = []
    for k in at:
        tok = tokens[k]
        if k in taken or not tok.capitalised or not _is_demonym(gaz, tok.text) or (
                tok.spaced and agent_after(tokens, k + 1, text, modifiers=0) is not None):
            continue
        country = acting_country(located.get(tok.sentence, []), in_actor, k)
        start = tokens[k - 1].start
        code, sector = agent_code(country, "CVL")
        out.append(ActorMention(start, tok.end, text[start:tok.end], code, text[start:tok.end], country, sector,
                                "agent", k - 1, k))
    return out


def _is_demonym(gaz: Gazetteer, word: str) -> bool:
    """Whether a word, or the singular of a plural, is a country's demonym or a name of a country that
    names its people too ('Albanians', 'Serbs', 'Thais')."""
    keys = [norm_key(word)] + ([norm_key(word[:-1])] if word.endswith("s") else [])
    return any(k >= 0 and (NAME_KINDS[int(gaz.key_kind[k])] == "demonym" or any(
        gaz.kind_of(int(r)) == "country" for r in gaz.rows_of_key(k))) for k in gaz.key_numbers(keys))


@compiled
def _agent_heads() -> tuple[frozenset[str], frozenset[str]]:
    """The last words of the agent nouns of groups and armed forces ('gunmen', 'farmers', 'rebels', 'troops'):
    where an unnamed group ends; and those of armed forces only, which need a state word before them."""
    agents = actor_lexicon().agents
    groups = {words[-1] for words, sector in agents.items() if sector in _GROUP_SECTORS or words[-1] in _STATE_WORDS}
    forces = {words[-1] for words, sector in agents.items() if sector in _ABROAD_SECTORS} - groups
    return frozenset(groups | forces), frozenset(forces)


@compiled
def _max_agent_words() -> int:
    """The words of the longest agent noun."""
    return max(map(len, actor_lexicon().agents))


_MAX_REMEMBERED = 50_000
_WORD_TESTS: list[tuple[Lexicon, Remembered, Remembered]] = []


def _word_tests(lex: Lexicon) -> tuple[Remembered, Remembered]:
    """Two tests of the words of a lexicon: a verb after a subject (`acting_verb`), and a word that shows
    an act falls on the agent noun a few words after it, a verb or a preposition of a target or a pair
    ('at', 'against', 'and': 'clashed with riot police')."""
    if not _WORD_TESTS or _WORD_TESTS[0][0] is not lex:
        cue = _TARGET_PREPS | _PAIR_CONJUNCTIONS
        _WORD_TESTS[:] = [(lex, Remembered(lambda w: acting_verb(w, lex), _MAX_REMEMBERED),
                           Remembered(lambda w: w in cue or acting_verb(w, lex), _MAX_REMEMBERED))]
    return _WORD_TESTS[0][1], _WORD_TESTS[0][2]


def _between_pair(tokens: list[Token], k: int) -> bool:
    """Whether the phrase at token k is the second of a pair: 'clashes between police and protesters'."""
    if k < 2 or tokens[k - 1].lower not in _PAIR_CONJUNCTIONS:
        return False
    sentence = tokens[k].sentence
    return any(tokens[j].lower in _PAIR_PREPS and tokens[j].sentence == sentence
               for j in range(max(0, k - 1 - _MAX_PAIR_GAP), k - 1))


def _by_may_precede(text: str, tokens: list[Token], h: int, reach: int) -> bool:
    """Whether a 'by' may stand right before an agent noun ending at token h with its modifiers, up to `reach`
    words before it (a quick test on the text before it: 'were abducted by masked gunmen')."""
    start = tokens[max(0, h - reach)].start
    return text.find("by", start, tokens[h].start) >= 0 or text.find("By", start, tokens[h].start) >= 0


def _modifiers_before(text: str, tokens: list[Token], first: int, taken: set[int], acting: Mapping[str, bool]
                      ) -> int:
    """The first token of an agent noun with its lower-case modifiers ('cocoa farmers', 'masked gunmen'):
    up to MAX_MODIFIERS plain words before token `first`, stopping at function words ('that people'), names
    and pieces of words ('[s]ome people')."""
    k = first
    while k > 0 and first - k < MAX_MODIFIERS:
        mod = tokens[k - 1]
        if mod.sentence != tokens[first].sentence or k - 1 in taken or not mod.spaced \
                or not mod.text.isalpha() or mod.lower in FUNCTION_BEFORE_OBJECT or mod.lower in _PREPOSITIONS \
                or mod.lower in _NOT_MODIFIERS or (mod.start > 0 and not text[mod.start - 1].isspace()) \
                or (mod.capitalised and not mod.sentence_initial) or acting[mod.lower]:
            break
        k -= 1
    return k


def _verb_follows(tokens: list[Token], lowers: list[str], last: int, acting: Mapping[str, bool]) -> bool:
    """Whether the verb of a subject ending at token `last` follows it ('gunmen killed', 'rebels have seized');
    `acting` tells a verb after a subject (see `_word_tests`)."""
    nxt = last + 1
    if not tokens[last].spaced:
        return False
    if lowers[nxt] in _AUXILIARIES and nxt + 1 < len(tokens):
        nxt += 1
    return acting[lowers[nxt]]


def _sentence_span(tokens: list[Token], k: int) -> tuple[int, int]:
    """The character span of the sentence of token k, from its first token to its last."""
    first = last = k
    while first > 0 and tokens[first - 1].sentence == tokens[k].sentence:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[k].sentence:
        last += 1
    return tokens[first].start, tokens[last].end


def _progressive_follows(tokens: list[Token], lowers: list[str], last: int) -> bool:
    """Whether a progressive verb follows a subject ending at token `last` ('the government is considering')."""
    return tokens[last].spaced and lowers[last + 1] in BE and last + 2 < len(tokens) and tokens[last + 1].spaced \
        and lowers[last + 2].endswith("ing")


def _passive_follows(tokens: list[Token], lowers: list[str], last: int, acting: Mapping[str, bool]) -> bool:
    """Whether a passive follows a group ending at token `last`, whose subject it is: the people an act falls
    on ('protesters were arrested', 'dozens of students have been detained', 'activists were reportedly
    beaten')."""
    nxt = last + 1
    if not tokens[last].spaced:
        return False
    if lowers[nxt] in _AUXILIARIES and tokens[nxt].spaced:
        nxt += 1
    if lowers[nxt] not in PASSIVE_AUX or not tokens[nxt].spaced:
        return False
    nxt += 1
    if _adverb(lowers[nxt]):  # 'were reportedly beaten'
        if not tokens[nxt].spaced:
            return False
        nxt += 1
    return acting[lowers[nxt]] and not lowers[nxt].endswith("ing")  # not 'are investigating'


def _victims(tokens: list[Token], lowers: list[str], k: int, last: int, acting: Mapping[str, bool]) -> bool:
    """Whether the group at tokens k..last is the subject of a passive, the people an act falls on: many
    ('protesters', 'police'; 'a woman was shot' is one person), named in lower case (not 'Lincoln Middle School
    was closed'), and not denied ('No residents were hurt', 'none of the students')."""
    head = tokens[last]
    return _plural_or_collective(head.lower) and (not head.capitalised or head.sentence_initial) and \
        lowers[k] not in _NEGATIVES and (k < 2 or lowers[k - 2] not in _NEGATIVES) and \
        _passive_follows(tokens, lowers, last, acting)


def _adverb(word: str) -> bool:
    """Whether a word between an auxiliary and its participle is an adverb ('also', 'reportedly')."""
    return word in ADVERBS or (word.endswith("ly") and len(word) > 4)


def _verb_after_phrase(text: str, tokens: list[Token], lowers: list[str], last: int) -> int:
    """The token of the verb of a subject ending at token `last` when a short phrase opened by a preposition
    or 'and' stands between them, with no punctuation inside ('Gunmen on motorcycles killed', 'Protesters in
    the capital have demanded', 'Rebels from the north seized', 'Police and soldiers in Caracas dispersed').
    The verb is a lower-case past form (irregular too: 'threw'; not 'the United States', not a noun of the
    phrase such as 'of the assault', not an adjective after an article, 'a vested interest'), not followed by
    'by' ('farmers in areas affected by the drought'), before any subordinator ('gunmen in the town where
    ...') or form of 'be' ('Residents with land lines are registered'); else -1. 'and' opens the phrase only
    before another group, at the start of the sentence ('Police and soldiers in Caracas dispersed'; not 'let
    out students and colleges canceled')."""
    k = last + 1
    if not tokens[last].spaced or not (lowers[k] in _PHRASE_PREPS or (
            lowers[k] in _PAIR_CONJUNCTIONS and tokens[k].spaced and lowers[k + 1] in _agent_heads()[0]
            and (tokens[last].sentence_initial or tokens[last - 1].sentence_initial))):
        return -1
    for j in range(k + 1, min(len(tokens), k + 1 + _MAX_SUBJECT_PHRASE)):
        if not _joined(text, tokens, j):
            return -1
        w = lowers[j]
        if tokens[j].capitalised or w in _AUXILIARIES:
            continue
        if w in _CLAUSE_WORDS or w in BE:
            return -1
        if ((w.endswith("ed") and len(w) > 4) or w in _IRREGULAR_PAST) and lowers[j - 1] not in ARTICLES:
            return j if j + 1 >= len(tokens) or lowers[j + 1] != "by" else -1
    return -1


def _clause_places(text: str, tokens: list[Token], places: list[tuple[int, str]], verb: int
                   ) -> list[tuple[int, str]]:
    """The places of a sentence up to the end of the clause of the verb at token `verb` (its first mark): a
    subject that a phrase parts from its verb acts where its own clause is set ('Gunmen on motorcycles killed
    two policemen in Peshawar'), not where a report after it is ('Protesters outside the embassy rallied on
    Friday, police in Athens said')."""
    end = verb
    while end + 1 < len(tokens) and _joined(text, tokens, end + 1):
        end += 1
    return [p for p in places if p[0] <= end]


def _joined(text: str, tokens: list[Token], j: int) -> bool:
    """Whether token j follows token j - 1 in its sentence with no mark between (a word of digits is no token:
    'the M23 group', 'killed 12 people')."""
    return tokens[j - 1].spaced or (tokens[j].sentence == tokens[j - 1].sentence and _WORD_GAP.fullmatch(
        text, tokens[j - 1].end, tokens[j].start) is not None)
