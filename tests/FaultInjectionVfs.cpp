#include "FaultInjectionVfs.h"

#include <QStringList>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace FaultInjectionVfs {

namespace {

sqlite3_vfs *g_real = nullptr;
sqlite3_vfs g_shim {};

std::atomic<qint64> g_calls[int(Role::Count)][3];
std::atomic<qint64> g_total[3];
std::atomic<int> g_fault { int(Fault::None) };
std::atomic<qint64> g_target { 0 };
std::atomic<qint64> g_fired { 0 };
std::atomic<int> g_firedRole { int(Role::Count) };

// The shim's file: SQLite allocates szOsFile bytes; the real VFS's file follows ours.
struct ShimFile
{
    sqlite3_file base;
    sqlite3_file *real;
    Role role;
};

ShimFile *shim(sqlite3_file *file)
{
    return reinterpret_cast<ShimFile *>(file);
}

sqlite3_file *real(sqlite3_file *file)
{
    return shim(file)->real;
}

Role roleOf(int flags)
{
    if (flags & SQLITE_OPEN_MAIN_DB)
        return Role::Database;
    if (flags & SQLITE_OPEN_MAIN_JOURNAL)
        return Role::Journal;
    if (flags & SQLITE_OPEN_WAL)
        return Role::Wal;
    return Role::Other;
}

// Counts the call; true when it is the one (or, for a full disk, one of those) to fail.
bool failing(sqlite3_file *file, Call call)
{
    g_calls[int(shim(file)->role)][int(call)].fetch_add(1);
    const qint64 n = g_total[int(call)].fetch_add(1) + 1;
    const auto fault = Fault(g_fault.load());
    if (fault == Fault::None || callOf(fault) != call)
        return false;
    const qint64 target = g_target.load();
    const bool fail = fault == Fault::WriteFull ? n >= target : n == target;
    if (fail && g_fired.fetch_add(1) == 0)
        g_firedRole.store(int(shim(file)->role));
    return fail;
}

int xClose(sqlite3_file *file)
{
    sqlite3_file *r = real(file);
    const int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    file->pMethods = nullptr;
    return rc;
}

int xRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    if (failing(file, Call::Read))
        return SQLITE_IOERR_READ;
    return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
}

int xWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (failing(file, Call::Write))
        return Fault(g_fault.load()) == Fault::WriteFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    return real(file)->pMethods->xWrite(real(file), buffer, amount, offset);
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    return real(file)->pMethods->xTruncate(real(file), size);
}

int xSync(sqlite3_file *file, int flags)
{
    if (failing(file, Call::Sync))
        return SQLITE_IOERR_FSYNC;
    return real(file)->pMethods->xSync(real(file), flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return real(file)->pMethods->xFileSize(real(file), size);
}

int xLock(sqlite3_file *file, int lock)
{
    return real(file)->pMethods->xLock(real(file), lock);
}

int xUnlock(sqlite3_file *file, int lock)
{
    return real(file)->pMethods->xUnlock(real(file), lock);
}

int xCheckReservedLock(sqlite3_file *file, int *out)
{
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}

int xFileControl(sqlite3_file *file, int op, void *arg)
{
    if (op == SQLITE_FCNTL_VFSNAME) {
        // The chain of names, outermost first, as SQLite's own shims do it.
        const int rc = real(file)->pMethods->xFileControl(real(file), op, arg);
        char **name = static_cast<char **>(arg);
        char *inner = rc == SQLITE_OK ? *name : nullptr;
        *name = inner ? sqlite3_mprintf("%s/%z", g_shim.zName, inner) : sqlite3_mprintf("%s", g_shim.zName);
        return SQLITE_OK;
    }
    return real(file)->pMethods->xFileControl(real(file), op, arg);
}

int xSectorSize(sqlite3_file *file)
{
    return real(file)->pMethods->xSectorSize(real(file));
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}

int xShmMap(sqlite3_file *file, int page, int pageSize, int extend, void volatile **out)
{
    return real(file)->pMethods->xShmMap(real(file), page, pageSize, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}

void xShmBarrier(sqlite3_file *file)
{
    real(file)->pMethods->xShmBarrier(real(file));
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return real(file)->pMethods->xShmUnmap(real(file), deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    return real(file)->pMethods->xFetch(real(file), offset, amount, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *p)
{
    return real(file)->pMethods->xUnfetch(real(file), offset, p);
}

// One table per version, so that SQLite never calls through the shim what the real file lacks.
const sqlite3_io_methods *methodsFor(int version)
{
    static const sqlite3_io_methods v1 = { 1, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock,
        xUnlock, xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics, nullptr, nullptr,
        nullptr, nullptr, nullptr, nullptr };
    static const sqlite3_io_methods v2 = { 2, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock,
        xUnlock, xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock,
        xShmBarrier, xShmUnmap, nullptr, nullptr };
    static const sqlite3_io_methods v3 = { 3, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock,
        xUnlock, xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock,
        xShmBarrier, xShmUnmap, xFetch, xUnfetch };
    return version >= 3 ? &v3 : version == 2 ? &v2 : &v1;
}

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    ShimFile *s = shim(file);
    s->real = reinterpret_cast<sqlite3_file *>(s + 1);
    s->role = roleOf(flags);
    std::memset(s->real, 0, size_t(g_real->szOsFile));
    const int rc = g_real->xOpen(g_real, name, s->real, flags, outFlags);
    s->base.pMethods = s->real->pMethods ? methodsFor(s->real->pMethods->iVersion) : nullptr;
    return rc;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_real->xAccess(g_real, name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_real->xFullPathname(g_real, name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return g_real->xDlOpen(g_real, name);
}

void vfsDlError(sqlite3_vfs *, int size, char *out)
{
    g_real->xDlError(g_real, size, out);
}

void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}

void vfsDlClose(sqlite3_vfs *, void *handle)
{
    g_real->xDlClose(g_real, handle);
}

int vfsRandomness(sqlite3_vfs *, int size, char *out)
{
    return g_real->xRandomness(g_real, size, out);
}

int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return g_real->xSleep(g_real, microseconds);
}

int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return g_real->xCurrentTime(g_real, out);
}

int vfsGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, size, out) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_real->xCurrentTimeInt64(g_real, out);
}

int vfsSetSystemCall(sqlite3_vfs *, const char *name, sqlite3_syscall_ptr call)
{
    return g_real->xSetSystemCall(g_real, name, call);
}

sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *, const char *name)
{
    return g_real->xGetSystemCall(g_real, name);
}

const char *vfsNextSystemCall(sqlite3_vfs *, const char *name)
{
    return g_real->xNextSystemCall(g_real, name);
}

} // namespace

qint64 Counts::of(Call call) const
{
    qint64 total = 0;
    for (int role = 0; role < int(Role::Count); ++role)
        total += calls[role][int(call)];
    return total;
}

QString Counts::text() const
{
    QStringList parts;
    for (const Call call : { Call::Write, Call::Sync, Call::Read }) {
        parts.append(QStringLiteral("%1 %2s (db %3, journal %4, wal %5, other %6)")
                         .arg(of(call))
                         .arg(name(call))
                         .arg(of(Role::Database, call))
                         .arg(of(Role::Journal, call))
                         .arg(of(Role::Wal, call))
                         .arg(of(Role::Other, call)));
    }
    return parts.join(QStringLiteral(", "));
}

bool install(QString *error)
{
    if (g_real)
        return true;
    sqlite3_vfs *base = sqlite3_vfs_find("unix");
    if (!base) {
        *error = QStringLiteral("SQLite has no \"unix\" VFS to wrap");
        return false;
    }
    g_shim.iVersion = base->iVersion;
    g_shim.szOsFile = int(sizeof(ShimFile)) + base->szOsFile;
    g_shim.mxPathname = base->mxPathname;
    g_shim.zName = "fundscope-fault-injection";
    g_shim.pAppData = nullptr;
    g_shim.xOpen = vfsOpen;
    g_shim.xDelete = vfsDelete;
    g_shim.xAccess = vfsAccess;
    g_shim.xFullPathname = vfsFullPathname;
    g_shim.xDlOpen = vfsDlOpen;
    g_shim.xDlError = vfsDlError;
    g_shim.xDlSym = vfsDlSym;
    g_shim.xDlClose = vfsDlClose;
    g_shim.xRandomness = vfsRandomness;
    g_shim.xSleep = vfsSleep;
    g_shim.xCurrentTime = vfsCurrentTime;
    g_shim.xGetLastError = vfsGetLastError;
    if (base->iVersion >= 2)
        g_shim.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    if (base->iVersion >= 3) {
        g_shim.xSetSystemCall = vfsSetSystemCall;
        g_shim.xGetSystemCall = vfsGetSystemCall;
        g_shim.xNextSystemCall = vfsNextSystemCall;
    }
    g_real = base;
    const int rc = sqlite3_vfs_register(&g_shim, 1);
    if (rc != SQLITE_OK) {
        g_real = nullptr;
        *error = QStringLiteral("sqlite3_vfs_register: %1").arg(QString::fromUtf8(sqlite3_errstr(rc)));
        return false;
    }
    return true;
}

bool isInstalled()
{
    return g_real != nullptr;
}

sqlite3_vfs *vfs()
{
    return g_real ? &g_shim : nullptr;
}

bool usesShim(sqlite3 *db)
{
    sqlite3_vfs *used = nullptr;
    return db && sqlite3_file_control(db, "main", SQLITE_FCNTL_VFS_POINTER, &used) == SQLITE_OK
        && used == &g_shim;
}

void resetCounts()
{
    for (auto &role : g_calls) {
        for (auto &count : role)
            count.store(0);
    }
    for (auto &total : g_total)
        total.store(0);
}

Counts counts()
{
    Counts out;
    for (int role = 0; role < int(Role::Count); ++role) {
        for (int call = 0; call < 3; ++call)
            out.calls[role][call] = g_calls[role][call].load();
    }
    return out;
}

void arm(Fault fault, qint64 n)
{
    g_fault.store(int(Fault::None));
    resetCounts();
    g_fired.store(0);
    g_firedRole.store(int(Role::Count));
    g_target.store(n);
    g_fault.store(int(fault));
}

void disarm()
{
    g_fault.store(int(Fault::None));
}

qint64 fired()
{
    return g_fired.load();
}

Role firedRole()
{
    return Role(g_firedRole.load());
}

QString name(Role role)
{
    switch (role) {
    case Role::Database:
        return QStringLiteral("db");
    case Role::Journal:
        return QStringLiteral("journal");
    case Role::Wal:
        return QStringLiteral("wal");
    case Role::Other:
        return QStringLiteral("other");
    case Role::Count:
        break;
    }
    return QStringLiteral("none");
}

Call callOf(Fault fault)
{
    switch (fault) {
    case Fault::WriteIoErr:
    case Fault::WriteFull:
        return Call::Write;
    case Fault::SyncIoErr:
        return Call::Sync;
    case Fault::None:
    case Fault::ReadIoErr:
        break;
    }
    return Call::Read;
}

QString name(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::WriteIoErr:
        return QStringLiteral("write SQLITE_IOERR_WRITE");
    case Fault::WriteFull:
        return QStringLiteral("write SQLITE_FULL");
    case Fault::SyncIoErr:
        return QStringLiteral("sync SQLITE_IOERR_FSYNC");
    case Fault::ReadIoErr:
        return QStringLiteral("read SQLITE_IOERR_READ");
    }
    return {};
}

QString name(Call call)
{
    switch (call) {
    case Call::Write:
        return QStringLiteral("write");
    case Call::Sync:
        return QStringLiteral("sync");
    case Call::Read:
        return QStringLiteral("read");
    }
    return {};
}

} // namespace FaultInjectionVfs
