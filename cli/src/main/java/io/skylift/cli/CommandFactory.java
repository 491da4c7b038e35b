package io.skylift.cli;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Gives every command that asks for it (with a {@code Session} constructor) the run's session. */
final class CommandFactory implements CommandLine.IFactory {

    private final Session session;

    CommandFactory(Session session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> constructor;
        try {
            constructor = type.getDeclaredConstructor(Session.class);
        }
        catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        return constructor.newInstance(session);
    }
}
