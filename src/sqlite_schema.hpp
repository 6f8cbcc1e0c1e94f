// The event store's SQL schema, version by version, and the forward migrations between them.
#pragma once

namespace dateline::sqlite {

class Connection;

/// Brings the database to `target` schema version (default: the newest),
/// applying each missing step in one IMMEDIATE transaction and recording it in
/// `PRAGMA user_version`. A database that already has tables of an older
/// version is first copied to "<path>.v<N>.bak". Throws StoreError when the
/// database is newer than this program knows. Returns the version this call
/// upgraded from, or 0 when it upgraded nothing (a new file, or one already
/// at `target`, perhaps by another process meanwhile).
int migrate(Connection& db, int target = -1);

/// The newest schema version this program writes.
int latest_schema_version();

}  // namespace dateline::sqlite
