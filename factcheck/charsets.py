"""Decoding input files: UTF-8 first, legacy CJK encodings only when the bytes say so.

The rule is conservative on purpose: a file that is valid UTF-8 *is* UTF-8 (legacy encodings
can decode almost any byte string, so asking a detector about UTF-8 bytes only invites wrong
guesses). A byte-order mark names UTF-8, UTF-16 or UTF-32 outright. Only bytes that are not
UTF-8 go to charset-normalizer, and its answer is taken only when it is clear: a low "chaos"
score and no close runner-up that would read the bytes as different text. Otherwise the file
is refused with a one-line error that suggests ``--encoding``.

charset-normalizer is imported only for such files, so checking UTF-8 files (nearly all of
them) does not pay for its import.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .inputs import InputError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Detection is trusted only below this chaos (charset-normalizer's mess ratio, 0..1) ...
_MAX_CHAOS = 0.1
# ... and only when no other candidate within this margin reads the bytes differently.
_MARGIN = 0.03
_SNIFF = 8192  # bytes looked at for NULs, the mark of a binary file


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name, used to write fixes back ("utf-8", "cp949" ...)
    bom: bytes = b""  # the byte-order mark the file began with, written back with fixes
    # Whether encoding ``text`` again gives the file's bytes back. Fixes are written only
    # then: otherwise bytes the fix never touched could change.
    exact: bool = True
    detected: bool = False  # the encoding was guessed by charset-normalizer


def bom_of(encoding: str) -> bytes:
    """The byte-order mark of a Unicode encoding ("utf-16-le" -> FF FE); b"" for others."""
    for mark, name in _BOMS:
        if name == codecs.lookup(encoding).name.replace("_", "-"):
            return mark
    return b""


def canonical(name: str) -> str:
    """The codec name for an --encoding value; raises LookupError for an unknown one."""
    return codecs.lookup(name).name


def decode_bytes(data: bytes, label: str, encoding: str | None = None) -> Decoded:
    """The text of a file's bytes; InputError (one line, naming ``label``) if there is none."""
    if encoding:
        return _decode_named(data, label, canonical(encoding))
    for mark, name in _BOMS:
        if data.startswith(mark):
            body = data[len(mark) :]
            try:
                return Decoded(body.decode(name), name, mark)
            except UnicodeDecodeError as exc:
                where = exc.start + len(mark)
                raise InputError(
                    f"{label}: not valid {name.upper()} (byte {where}) despite its byte-order mark"
                ) from None
    if b"\x00" in data[:_SNIFF]:
        head = data[:_SNIFF]
        # Text in UTF-16 without a BOM has a NUL in every other byte; anything else is binary.
        halves = (head[0::2].count(0), head[1::2].count(0))
        if len(head) >= 4 and max(halves) >= len(head) // 2 * 0.9:
            raise InputError(
                f"{label}: looks like UTF-16 without a byte-order mark; "
                "name it with --encoding utf-16-le or utf-16-be"
            )
        raise InputError(f"{label}: binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    return _detect(data, label, first_bad)


def _decode_named(data: bytes, label: str, name: str) -> Decoded:
    bom = b""
    if name in ("utf-8", "utf-8-sig"):
        name = "utf-8"
        bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    elif name in ("utf-16", "utf-32"):
        # The generic names mean "with a byte-order mark"; keep the file's byte order.
        for mark, full in _BOMS:
            if full.startswith(name) and data.startswith(mark):
                name, bom = full, mark
                break
        else:
            name = f"{name}-le"
    elif bom_of(name) and data.startswith(bom_of(name)):
        bom = bom_of(name)
    try:
        text = data[len(bom) :].decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: not valid {name} (byte {exc.start + len(bom)}); check the --encoding value"
        ) from None
    return Decoded(text, name, bom, exact=_round_trips(text, name, data[len(bom) :]))


def _round_trips(text: str, name: str, body: bytes) -> bool:
    try:
        return text.encode(name) == body
    except UnicodeEncodeError:
        return False


def _detect(data: bytes, label: str, first_bad: int) -> Decoded:
    from charset_normalizer import from_bytes  # only non-UTF-8 files pay for this import

    hint = "name it with --encoding (e.g. --encoding cp949, gb18030, big5, shift_jis)"
    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(
            f"{label}: not valid UTF-8 (byte {first_bad}) and not clearly text in another "
            f"encoding; if it is text, {hint}"
        )
    text = str(best)
    rivals = sorted(
        {m.encoding for m in matches[1:6] if m.chaos <= best.chaos + _MARGIN and str(m) != text}
    )
    if rivals:
        names = ", ".join([best.encoding, *rivals][:3])
        raise InputError(
            f"{label}: not valid UTF-8 (byte {first_bad}) and the encoding is unclear "
            f"({names}?); {hint}"
        )
    name = canonical(best.encoding)
    try:
        decoded = data.decode(name)  # strict: the detector may have replaced bad bytes
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: not valid UTF-8 (byte {first_bad}) nor {name} (byte {exc.start}); {hint}"
        ) from None
    return Decoded(decoded, name, exact=_round_trips(decoded, name, data), detected=True)
