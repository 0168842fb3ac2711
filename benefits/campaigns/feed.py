"""Reading one monthly income feed file (CSV or JSON lines) into checked lines, or refusals by line.

Columns / keys: nir, month (YYYY-MM), payer, kind, amount (euros, "1234.56"; a comma is accepted).
A bad line refuses only itself, with its line number and the reason, and the rest of the file is
imported (the DRM sends millions of lines: one typo must not hold back everybody's rights); the
command's --strict refuses the whole file instead. A file whose header is wrong, or which is not
UTF-8, is refused as a whole: nothing in it can be trusted.
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from benefits.campaigns.feed_models import IncomeKind

COLUMNS = ("nir", "month", "payer", "kind", "amount")
# The DRM's own words for the kinds, beside the neutral format's.
KIND_ALIASES = {
    "salaire": IncomeKind.SALARY,
    "chomage": IncomeKind.UNEMPLOYMENT,
    "are": IncomeKind.UNEMPLOYMENT,
    "ijss": IncomeKind.SICKNESS,
    "retraite": IncomeKind.PENSION,
    "invalidite": IncomeKind.INVALIDITY,
} | {kind.value: kind for kind in IncomeKind}
NIR_RE = re.compile(r"^[123478][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?$")
MONTH_RE = re.compile(r"^(20[0-9]{2})-(0[1-9]|1[0-2])$")
MAX_AMOUNT = Decimal(1_000_000)


class FeedRefused(Exception):
    """The whole file is refused (wrong header, not UTF-8, empty)."""


@dataclass(frozen=True, slots=True)
class FeedLine:
    number: int
    nir: str
    month: str
    payer: str
    kind: str
    amount: Decimal

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.nir, self.month, self.payer, self.kind)


@dataclass(frozen=True, slots=True)
class Refusal:
    number: int
    reason: str


def nir_key_is_valid(nir: str) -> bool:
    """The NIR's two-digit key is 97 minus the 13 digits modulo 97 (Corsica: 2A → 19, 2B → 18)."""
    if len(nir) == 13:
        return True
    body = nir[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(nir[13:])


def check(number: int, raw: dict) -> FeedLine | Refusal:
    if not isinstance(raw, dict):
        return Refusal(number, "la ligne n’est pas un objet JSON")
    nir = str(raw.get("nir") or "").strip().upper().replace(" ", "")
    month = str(raw.get("month") or "").strip()
    payer = str(raw.get("payer") or "").strip()
    kind_text = str(raw.get("kind") or "").strip().lower()
    amount_text = str(raw.get("amount") if raw.get("amount") is not None else "").strip().replace(",", ".")
    if not NIR_RE.match(nir):
        return Refusal(number, "NIR mal formé (13 ou 15 caractères attendus)")
    if not nir_key_is_valid(nir):
        return Refusal(number, "clé du NIR incorrecte")
    if not MONTH_RE.match(month):
        return Refusal(number, f"mois « {month} » au mauvais format (AAAA-MM attendu)")
    if not payer or len(payer) > 120:
        return Refusal(number, "payeur manquant ou de plus de 120 caractères")
    kind = KIND_ALIASES.get(kind_text)
    if kind is None:
        return Refusal(number, f"nature de revenu « {kind_text} » inconnue")
    try:
        amount = Decimal(amount_text)
    except InvalidOperation:
        return Refusal(number, f"montant « {amount_text} » illisible")
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT or amount != round(amount, 2):
        return Refusal(number, f"montant « {amount_text} » hors limites (0 à 1 000 000 €, au centime)")
    return FeedLine(number, nir, month, payer, str(kind), amount.quantize(Decimal("0.01")))


def raw_rows(data: bytes, name: str) -> Iterator[tuple[int, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FeedRefused(f"le fichier n’est pas en UTF-8 (octet {error.start})") from None
    if not text.strip():
        raise FeedRefused("le fichier est vide")
    if name.endswith((".jsonl", ".ndjson", ".json")) or text.lstrip().startswith("{"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except ValueError:
                yield number, None
        return
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if ";" in text.split("\n", 1)[0] else ",")
    header = tuple(column.strip().lower() for column in reader.fieldnames or ())
    if header != COLUMNS:
        raise FeedRefused(f"en-tête « {','.join(header)} » au lieu de « {','.join(COLUMNS)} »")
    reader.fieldnames = list(COLUMNS)
    for row in reader:
        yield reader.line_num, row


def read_feed(data: bytes, name: str) -> Iterator[FeedLine | Refusal]:
    """Every line of the file checked, in order; a key seen twice in one file refuses the second."""
    seen: dict[tuple, int] = {}
    for number, raw in raw_rows(data, name):
        checked = check(number, raw)
        if isinstance(checked, FeedLine):
            first = seen.setdefault(checked.key, number)
            if first != number:
                checked = Refusal(number, f"même personne, mois, payeur et nature qu’à la ligne {first}")
        yield checked
