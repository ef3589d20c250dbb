#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call. Memory statistics take a global mutex on every
   allocation SQLite makes, from every connection; nothing here reads them. Must run before SQLite
   initializes: it returns SQLITE_MISUSE after. */
static inline int badgekiosk_sqlite3_skip_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
