-- schemaplan statistics for MySQL 8 / MariaDB 10.5+, catalog only: no table data is read and no table is locked.
-- Run it on the production database with nothing installed:
--     mariadb -N -B -r DB < scripts/stats-mysql.sql > stats.json     (or: mysql -N -B -r DB < …)
-- and give stats.json to schemaplan. Output: one JSON document in the format schemaplan-stats/1.
-- rows is information_schema.TABLES.TABLE_ROWS (InnoDB's estimate from its persistent statistics);
-- heapBytes is DATA_LENGTH (the clustered index: the rows, off-page BLOB/TEXT included, so toastBytes is 0);
-- indexBytes is INDEX_LENGTH (the secondary indexes); per-index bytes are mysql.innodb_index_stats 'size' pages
-- times innodb_page_size (PRIMARY left out: it is the table). Reading mysql.innodb_index_stats needs SELECT on it;
-- maintenanceWorkMemBytes is innodb_sort_buffer_size, the sort buffer of an online index build;
-- maxParallelMaintenanceWorkers is 0 (not read); bufferPoolBytes is innodb_buffer_pool_size.
-- Same expressions as io.schemaplan.read.MysqlStatsReader.
-- MySQL 8 caches these TABLES figures for information_schema_stats_expiry seconds (a day by default); for
-- fresh ones run SET SESSION information_schema_stats_expiry = 0 first (MariaDB has no such cache or setting).
SET SESSION TRANSACTION READ ONLY;
SET SESSION lock_wait_timeout = 5;
/*M!100108 SET SESSION max_statement_time = 60 */;
SELECT /*+ MAX_EXECUTION_TIME(60000) */ JSON_OBJECT(
    'format', 'schemaplan-stats/1',
    'serverVersion', CONCAT(SUBSTRING_INDEX(VERSION(), '-', 1), IF(VERSION() LIKE '%MariaDB%', '-MariaDB', '')),
    'maintenanceWorkMemBytes', @@innodb_sort_buffer_size,
    'maxParallelMaintenanceWorkers', 0,
    'blockSize', @@innodb_page_size,
    'bufferPoolBytes', @@innodb_buffer_pool_size,
    'tables', COALESCE((
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
            'table', t.TABLE_NAME,
            'rows', COALESCE(t.TABLE_ROWS, -1),
            'heapBytes', COALESCE(t.DATA_LENGTH, 0),
            'toastBytes', 0,
            'indexBytes', COALESCE(t.INDEX_LENGTH, 0),
            'indexes', COALESCE((
                SELECT JSON_OBJECTAGG(s.index_name, s.stat_value * @@innodb_page_size)
                FROM mysql.innodb_index_stats s
                WHERE s.database_name = t.TABLE_SCHEMA AND s.table_name = t.TABLE_NAME
                  AND s.stat_name = 'size' AND s.index_name <> 'PRIMARY'), JSON_OBJECT())))
        FROM information_schema.TABLES t
        WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')), JSON_ARRAY())
);
