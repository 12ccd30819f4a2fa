"""A label's evidence span, in a module of its own: a msgspec Struct (its class has a metaclass),
which the compiled classifier (classify/native.py) uses as an ordinary Python class."""

import msgspec


class Evidence(msgspec.Struct, frozen=True):
    """One evidence span; a msgspec Struct, so it encodes as a JSON object without a dict."""

    term: str
    field: str     # title | lead | body
    start: int     # character offsets into that field's original text (title or text)
    end: int
