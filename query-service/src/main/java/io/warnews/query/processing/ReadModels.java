package io.warnews.query.processing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every read model the service keeps, as declared by its package (a {@link ReadModel} bean), by
 * name. What works on all of them (the rebuild, its checksums, the projections' status) iterates
 * these declarations; nothing keeps a list of tables of its own.
 */
@Component
public class ReadModels {

    private final List<ReadModel> all;

    public ReadModels(List<ReadModel> declared) {
        this.all = declared.stream().sorted(Comparator.comparing(ReadModel::name)).toList();
        long names = all.stream().map(ReadModel::name).distinct().count();
        if (names != all.size()) {
            throw new IllegalStateException("two read models share a name: " + all);
        }
    }

    public List<ReadModel> all() {
        return all;
    }

    public Optional<ReadModel> find(String name) {
        return all.stream().filter(model -> model.name().equals(name)).findFirst();
    }

    /** The tables of the named read model; none for a processing group that declares no read model. */
    public List<String> tablesOf(String name) {
        return find(name).map(ReadModel::tables).orElse(List.of());
    }
}
