"""Sealed packages, the outbox, the upload client and the office receiver. No Qt."""
