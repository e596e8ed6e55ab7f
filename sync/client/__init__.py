"""The station's sync client: enrollment and one sync run against the city server, without Qt."""

from sync.client.run import SyncResult, enroll, sync_once

__all__ = ["SyncResult", "enroll", "sync_once"]
