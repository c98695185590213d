"""The QR code and the typed-in secret for setting up an authenticator app."""

from base64 import b32encode

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def totp_qr_svg(config_url: str, *, label: str) -> SafeString:
    """The otpauth:// address as an inline SVG QR code, drawn here (no image service).

    Black on a white quiet zone, so phones read it in dark mode too; `role="img"` with a label
    tells screen readers what it is (the secret is also on the page as text).
    """
    svg = segno.make(config_url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="otp-qr"
    )
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def secret_for_typing(bin_key: bytes) -> str:
    """The secret in base32 as apps ask for it, in groups of four for easier typing."""
    text = b32encode(bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
