package dev.connectome.nas.study.sql;

import dev.connectome.nas.study.TrialStore;

/**
 * The contract over a real PostgreSQL server (CONNECTOME_TEST_PG_URL; skipped when unset). A second
 * instance has its own connection, like a second worker process.
 */
class PostgresTrialStoreContractTest extends TrialStoreContract {

    private String server;
    private String schema;

    @Override
    protected TrialStore createStore() throws Exception {
        server = PgTestDatabase.serverUrl();
        schema = PgTestDatabase.createSchema(server);
        return new PostgresTrialStore(PgTestDatabase.urlFor(server, schema), clock);
    }

    @Override
    protected TrialStore openAnother() {
        return new PostgresTrialStore(PgTestDatabase.urlFor(server, schema), clock);
    }

    @Override
    protected void cleanUp() throws Exception {
        if (schema != null) {
            PgTestDatabase.dropSchema(server, schema);
        }
    }
}
