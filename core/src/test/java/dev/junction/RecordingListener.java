package dev.junction;

import dev.junction.observe.AttemptEnded;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallStarted;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.ChatListener;
import dev.junction.observe.FirstPart;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is told, in order. */
class RecordingListener implements ChatListener {
    final List<Record> events = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(CallStarted event) {
        events.add(event);
    }

    @Override
    public void onAttemptStart(AttemptStarted event) {
        events.add(event);
    }

    @Override
    public void onAttemptEnd(AttemptEnded event) {
        events.add(event);
    }

    @Override
    public void onFirstPart(FirstPart event) {
        events.add(event);
    }

    @Override
    public void onResponse(CallSucceeded event) {
        events.add(event);
    }

    @Override
    public void onError(CallFailed event) {
        events.add(event);
    }

    /** The events' types, in order, by simple name. */
    List<String> kinds() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    /** The events of one type, in order. */
    <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
