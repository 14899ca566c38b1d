"""Making an encrypted PDF without qpdf: the PDF standard security handler (RC4, revision 2).

Why: the encrypted-file test must run where qpdf cannot be installed. An incremental
update adds an /Encrypt dictionary whose /O and /U entries are computed for a user
password (PDF 1.7, 7.6.3.3–7.6.3.4, algorithms 2, 3, 4); a reader must then ask for that
password before anything else. The objects themselves are left as they are (never
decrypted, since the password is never given): enough for testing the refusal.
"""
from __future__ import annotations

import hashlib
import re

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def lock_with_password(data: bytes, user: str, owner: str = "owner") -> bytes:
    """*data* (a PDF with a classic xref table) with an /Encrypt dictionary for *user*."""
    trailer = data[data.rindex(b"trailer"):]
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer).group(1)
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))
    prev = int(re.search(rb"startxref\s+(\d+)", trailer).group(1))
    doc_id = hashlib.md5(data).digest()
    pad = lambda pw: (pw.encode("latin-1") + _PAD)[:32]  # noqa: E731
    o = _rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    permissions = -44
    key = hashlib.md5(pad(user) + o + permissions.to_bytes(4, "little", signed=True) +
                      doc_id).digest()[:5]
    u = _rc4(key, _PAD)
    body = data if data.endswith(b"\n") else data + b"\n"
    offset = len(body)
    obj = (f"{size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <{o.hex()}> /U <{u.hex()}> "
           f"/P {permissions} >>\nendobj\n").encode()
    xref_at = offset + len(obj)
    xref = (f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{offset:010d} 00000 n \n"
            f"trailer\n<< /Size {size + 1} /Root {root.decode()} /Prev {prev} "
            f"/Encrypt {size} 0 R /ID [<{doc_id.hex()}> <{doc_id.hex()}>] >>\n"
            f"startxref\n{xref_at}\n%%EOF\n").encode()
    return body + obj + xref
