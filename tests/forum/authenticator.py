"""A WebAuthn authenticator in software, for the passkey tests (tests/forum/test_passkeys.py):
what a phone or a security key does when the browser asks it, byte for byte as the WebAuthn
specification lays it out: an EC P-256 key per credential, "none" attestation, a signature
counter. The browser tests use Chromium's own virtual authenticator instead."""

from __future__ import annotations

import hashlib
import json
import os
import struct

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import bytes_to_base64url

ORIGIN = "http://testserver"  # Django's test client


def _b64(data: bytes) -> str:
    return bytes_to_base64url(data)


class SoftAuthenticator:
    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.count = 0

    @property
    def id(self) -> str:
        return _b64(self.credential_id)

    def _public_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        return cbor2.dumps(
            {
                1: 2,  # kty: EC2
                3: -7,  # alg: ES256
                -1: 1,  # crv: P-256
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )

    def create(self, options: dict, origin: str = ORIGIN) -> str:
        """The browser's answer to navigator.credentials.create() with these options."""
        client_data = json.dumps(
            {"type": "webauthn.create", "challenge": options["challenge"], "origin": origin}
        ).encode()
        authenticator_data = (
            hashlib.sha256(options["rp"]["id"].encode()).digest()
            + bytes([0x45])  # user present, user verified, credential data attached
            + struct.pack(">I", self.count)
            + bytes(16)  # AAGUID
            + struct.pack(">H", len(self.credential_id))
            + self.credential_id
            + self._public_key()
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": authenticator_data})
        response = {
            "clientDataJSON": _b64(client_data),
            "attestationObject": _b64(attestation),
            "transports": ["internal"],
        }
        return json.dumps(
            {"id": self.id, "rawId": self.id, "type": "public-key", "response": response}
        )

    def get(
        self,
        options: dict,
        origin: str = ORIGIN,
        *,
        rp_id: str | None = None,
        count: int | None = None,
    ) -> str:
        """The browser's answer to navigator.credentials.get() with these options."""
        self.count = self.count + 1 if count is None else count
        client_data = json.dumps(
            {"type": "webauthn.get", "challenge": options["challenge"], "origin": origin}
        ).encode()
        authenticator_data = (
            hashlib.sha256((rp_id or options["rpId"]).encode()).digest()
            + bytes([0x05])  # user present, user verified
            + struct.pack(">I", self.count)
        )
        signature = self.key.sign(
            authenticator_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        response = {
            "clientDataJSON": _b64(client_data),
            "authenticatorData": _b64(authenticator_data),
            "signature": _b64(signature),
        }
        return json.dumps(
            {"id": self.id, "rawId": self.id, "type": "public-key", "response": response}
        )
