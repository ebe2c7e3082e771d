package org.wufei.gis.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This service instance among the replicas sharing one database. {@link #name()} is stable across restarts of the
 * same instance (work it claimed before a crash is recognised as its own); {@link #processId()} is new with every
 * start (a message it sent itself is recognised as such).
 */
@Component
public class Replica {
    private final String name;
    private final String processId = UUID.randomUUID().toString();

    public Replica(@Value("${gis.replica.name:}") String configured) {
        this.name = configured == null || configured.isBlank() ? hostName() : configured.strip();
    }

    public String name() {
        return name;
    }

    public String processId() {
        return processId;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
