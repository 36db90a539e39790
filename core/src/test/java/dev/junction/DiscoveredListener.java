package dev.junction;

/** A listener named in {@code listener-services/META-INF/services}, found only through a loader over that folder. */
public class DiscoveredListener extends RecordingListener {
    /** The instance ServiceLoader made last. */
    static volatile DiscoveredListener last;

    /** Made by ServiceLoader. */
    public DiscoveredListener() {
        last = this;
    }
}
