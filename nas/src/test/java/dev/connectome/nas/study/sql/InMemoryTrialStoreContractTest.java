package dev.connectome.nas.study.sql;

import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.TrialStore;

/** The contract over the in-memory store (the reference the SQL stores must agree with). */
class InMemoryTrialStoreContractTest extends TrialStoreContract {

    @Override
    protected TrialStore createStore() {
        return new InMemoryTrialStore(clock);
    }
}
