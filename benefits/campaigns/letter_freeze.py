"""What a chunk writes in a campaign letter: its frozen context, small and cheap to write.

The chunk does not explain (the core's explained computation is 3 to 4 times the batch's cost) and does
not build the letter's lines: it freezes what it decided and what it decided from — the household's
input as the chunk read it from the database, the month, old and new amounts, the engine and
parameter versions, the addressee, the changed incomes (read from the feed now, since the feed may
change again) — and the letter is completed from that alone when it is rendered (letter_complete.py,
on the letters queue, other workers or machines). A letter rendered again in a year says the same thing.

Shape: the letter's `kind`, `issued_on`, `addressee`, `month`, the versions, `complete_with`
("campaign": benefits/letters/completion.py calls letter_complete.complete) and `campaign`, the frozen
decision and input, which the completed context keeps. The input is `campaign.household_as_read`: the
household the core read, except that each adult's incomes are as the feed gave them — the feed
summary's JSON text as the database gave it where that summary is the feed's window exactly
(feed_summary.incomes_summarised), the series encoded otherwise (a summary filtered to the window, a
NIR read from the lines) — before month M was taken equal to M-1 (households.month_filled, which the
completion applies again: letter_complete.frozen_household). Only that one-line rule is run again at
rendering; the household itself (who, roles, birth dates, housing) is frozen as the core read it, and
nothing the household did not hold (names, NIRs) is copied into the letter
(tests/benefits/campaigns/test_letter_input.py). Contexts frozen before session 9 hold
`campaign.household`, the household itself, and still complete from it.

Why: encoding the household (16 months of floats per adult) was three quarters of a letter's cost in
the chunk; the incomes' texts the database gave are spliced in as they are.

A chunk writes its letters through `Freezer`, which gives that JSON value as text for little: the
values common to the chunk's letters (kind, dates, versions, campaign, claim link) are encoded once per
chunk, and each letter encodes only its own (addressee, amounts, changed incomes) in one call, its
household's incomes spliced in as text. The shape as one dict, written out, is the test's
(tests/benefits/campaigns/test_letter_freeze.py, `reference_context`, the household apart), which the text
must equal: no second builder is kept in the product for it.
"""

from json.encoder import c_make_encoder, encode_basestring_ascii

from django.core.serializers.json import DjangoJSONEncoder

from benefits.rules import ENGINE_VERSION, parameters_version

COMPLETE_WITH = "campaign"
LETTER_CONTEXT_KINDS = {
    "non_recours": "eligibility",
    "recalcul": "recalculation",
    "aide_exceptionnelle": "exceptional_aid",
}


def addressee_of(file_row: dict) -> dict:
    """The same addressee as benefits.letters.contexts.addressee, from the chunk's file row."""
    name = ""
    for member in file_row["members"]:
        if member.get("role") == "applicant":
            name = f"{member.get('given_names', '')} {member.get('family_name', '')}"
            break
    housing = file_row["housing"]
    return {
        "name": name.strip() or f"{file_row['given_names']} {file_row['family_name']}",
        "file_number": file_row["number"],
        "address": housing.get("address", "") if isinstance(housing, dict) else "",
    }


# Compact, no check for circular references (plain trees); Django's encoder, as bulk.py's, in case a
# value is a date or a Decimal.
ENCODER = DjangoJSONEncoder(separators=(",", ":"), check_circular=False)


def c_encode():
    """ENCODER.encode without its set-up on every call: JSONEncoder.encode builds a new C encoder (and a
    Python closure) each time, a sixth of the cost of encoding a letter's values. The C encoder made
    once with the same settings gives the same text (tests/benefits/campaigns/test_letter_freeze.py);
    where the json module has no C accelerator, ENCODER.encode itself."""
    if c_make_encoder is None:
        return ENCODER.encode
    encoder = c_make_encoder(
        None,  # no check for circular references
        ENCODER.default,
        encode_basestring_ascii,  # ensure_ascii, as ENCODER
        None,  # no indent
        ENCODER.key_separator,
        ENCODER.item_separator,
        ENCODER.sort_keys,
        ENCODER.skipkeys,
        ENCODER.allow_nan,
    )
    join = "".join
    return lambda value: join(encoder(value, 0))


ENCODE = c_encode()


class Freezer:
    """A chunk's frozen contexts as JSON text, the shape above (its test's `reference_context`).

    The text of a letter is the chunk's head (its top-level constants), then the letter's own
    `{"addressee": …, "campaign": {"rights": …, …}}` encoded in one call, with its household
    (input_text) and the campaign's constants spliced in before its two closing braces: a JSON
    object's members have no order, so the value is the reference shape's exactly
    (tests/benefits/campaigns/test_letter_freeze.py)."""

    def __init__(self, *, campaign, issued_on, payment_day, claim_url):
        head = ENCODE(
            {
                "kind": LETTER_CONTEXT_KINDS[campaign.kind],
                "complete_with": COMPLETE_WITH,
                "issued_on": issued_on.isoformat(),
                "month": campaign.month,
                "engine_version": ENGINE_VERSION,
                "parameters_version": parameters_version(),
            }
        )
        tail = ENCODE(
            {
                "id": campaign.pk,
                "kind": campaign.kind,
                "payment_day": payment_day.isoformat(),
                "claim_url": claim_url,
            }
        )
        self.head = head[:-1] + ","  # '{"kind":…,"parameters_version":…,'
        self.tail = "," + tail[1:] + "}"  # ',"id":…,"claim_url":…}}': the campaign's, then the context's

    def text(self, evaluation, changed_incomes: list) -> str:
        decision = evaluation.decision
        own = ENCODE(
            {
                "addressee": addressee_of(evaluation.file),
                "campaign": {
                    "rights": {name: str(amount) for name, amount in evaluation.rights.items()},
                    "old": decision.old,
                    "new": decision.new,
                    "payment": str(decision.payment),
                    "changed_incomes": changed_incomes,
                },
            }
        )
        # own is '{"addressee":{…},"campaign":{…}}': its braces replaced by the head's and the tail's,
        # the household as read spliced in the campaign's object.
        return self.head + own[1:-2] + ',"household_as_read":' + input_text(evaluation) + self.tail


def input_text(evaluation) -> str:
    """The household the core read, as JSON text, with each adult's incomes as the feed gave them
    (before month_filled took month M equal to M-1): its feed summary's JSON text as the database gave
    it where that is the series exactly (evaluate.Evaluation.incomes_texts), else its series encoded
    (month_filled is idempotent), the housing's text as the file's query read it. Each person's other
    values (identity, role, birth date, activity…) are encoded: they are few. Decoded, then given to
    letter_complete.frozen_household (month_filled on a copy), it is the household the core read."""
    row, texts, household = evaluation.file, evaluation.incomes_texts or {}, evaluation.household
    housing = row.get("_housing")
    if not isinstance(housing, str):  # a plain dict row (no text kept)
        housing = ENCODE(household["housing"])
    persons = []
    # household_of makes one person a member, in order; an adult's "incomes" is its NIR's series
    for member, person in zip(row["members"], household["persons"], strict=True):
        series = person.get("incomes")
        if series is None:
            persons.append(ENCODE(person))
            continue
        text = texts.get(member["nir"])  # household_of found the series by it
        own = ENCODE({name: value for name, value in person.items() if name != "incomes"})
        persons.append(f'{own[:-1]},"incomes":{ENCODE(series) if text is None else text}}}')
    return (
        f'{{"id":{ENCODE(household["id"])},"month":{ENCODE(household["month"])},'
        f'"persons":[{",".join(persons)}],"housing":{housing}}}'
    )
