"""Short references of the aide universelle d'urgence claims, read out over the phone: "7K3M-Q9".

No "AUU-" prefix: the receipt and its letter must never name the aid (someone may look over the
victim's shoulder, benefits/auu/letters.py), and the agents find it among these claims only.

Five random characters and a check character, from 24 characters that neither sound nor look alike
(no 0, O, Q, 1, I, L, 2, Z, 8, B; 5 and 6 but no S or G): 24⁵ ≈ 8 million references. The check
character is Luhn's mod N over the alphabet: one mistyped character is always caught, two neighbours
swapped nearly always (all but the pair "A"/"9"). The claim's UUID stays in its URLs (not guessable).
"""

import re
import secrets

ALPHABET = "ACDEFHJKMNPRTUVWXY345679"
RANDOM_LENGTH = 5
SHAPE = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{2}}")


def check_character(body: str) -> str:
    """Luhn mod N: every second character from the right is doubled, digits of the base summed."""
    base, total, factor = len(ALPHABET), 0, 2
    for character in reversed(body):
        addend = factor * ALPHABET.index(character)
        total += addend // base + addend % base
        factor = 3 - factor
    return ALPHABET[-total % base]


def formatted(body: str) -> str:
    code = body + check_character(body)
    return f"{code[:4]}-{code[4:]}"


def new_short_reference() -> str:
    return formatted("".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH)))


def normalized(text: str) -> str | None:
    """ "7k3m q9", "7K3MQ9" → "7K3M-Q9"; None when it is not a valid reference (check included)."""
    compact = re.sub(r"[\s.-]", "", str(text)).upper()
    if len(compact) != RANDOM_LENGTH + 1 or any(character not in ALPHABET for character in compact):
        return None
    body, check = compact[:-1], compact[-1]
    return formatted(body) if check_character(body) == check else None
