"""Re-exports `send`: `pkg.send` is `pkg.net.send`."""
from .net import send

__all__ = ["send"]
