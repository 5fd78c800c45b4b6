"""The web UI and JSON API over a store: `storyline serve`, or `create_app(db)` for any ASGI server."""

from storyline.web.app import create_app

__all__ = ["create_app"]
