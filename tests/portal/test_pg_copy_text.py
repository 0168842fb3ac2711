"""COPY's text format for one value (portal/pg_copy.copy_text): what PostgreSQL reads back is the value."""

from portal.pg_copy import copy_text

ESCAPED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def test_copy_text_escapes_the_four_characters_copy_reads_specially_and_nothing_else():
    for value in ["", "plain", "é’ \\u2019", "a\\b", "x\ty\nz\r", "\\t is not a tab", '{"a":"\\"\\\\"}']:
        assert copy_text(value) == "".join(ESCAPED.get(character, character) for character in value)
