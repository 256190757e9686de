package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inline Map states: ItemsPath, ItemSelector with the Map item context, concurrency, failures. */
class MapStateTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void itemSelector_combinesEachItemWithStateInput_andOutputsResultsInItemOrder() throws Exception {
        fixture.functions.on("Price", payload -> json("{\"seat\": \"%s\", \"index\": %d, \"price\": %d}".formatted(
                payload.get("seat").asString(), payload.get("index").asInt(), payload.get("base").asInt() * 2)));
        String execution = fixture.start("""
                {"StartAt": "EachSeat", "States": {
                  "EachSeat": {"Type": "Map", "ItemsPath": "$.seats", "ResultPath": "$.priced", "End": true,
                    "ItemSelector": {"seat.$": "$$.Map.Item.Value.id", "index.$": "$$.Map.Item.Index",
                                     "base.$": "$.base"},
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Price",
                      "States": {"Price": {"Type": "Task", "Resource": "%sPrice", "End": true}}}}}}
                """.formatted(Asl.LAMBDA), "{\"base\": 50, \"seats\": [{\"id\": \"A1\"}, {\"id\": \"A2\"}, {\"id\": \"A3\"}]}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output()).get("priced")).isEqualTo(json("""
                [{"seat": "A1", "index": 0, "price": 100}, {"seat": "A2", "index": 1, "price": 100},
                 {"seat": "A3", "index": 2, "price": 100}]"""));
        assertThat(fixture.lastEvent(execution, "MapStateStarted").details()).isEqualTo(json("{\"length\": 3}"));
        assertThat(fixture.eventTypes(execution).stream().filter(type -> type.equals("MapIterationSucceeded")))
                .hasSize(3);
        assertThat(fixture.emulator.stateTransitions(execution)).isEqualTo(4);
    }

    @Test
    void maxConcurrencyOne_runsIterationsOneAtATimeInItemOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        fixture.functions.on("Slow", payload -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            return payload;
        });
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "MaxConcurrency": 1, "End": true,
                    "Iterator": {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "%sSlow", "End": true}}}}}}
                """.formatted(Asl.LAMBDA), "[1, 2, 3, 4]");

        assertThat(json(done.output())).isEqualTo(json("[1, 2, 3, 4]"));
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(fixture.functions.calls()).extracting(call -> call.payload().asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void failingIteration_failsTheMapState_whichItsCatchHandles() throws Exception {
        fixture.functions.on("Check", payload -> {
            if (payload.asInt() == 2) {
                throw new TaskFailure("SeatUnavailable", "seat 2 is taken");
            }
            return payload;
        });
        String execution = fixture.start("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "MaxConcurrency": 1, "Next": "Done",
                    "Catch": [{"ErrorEquals": ["SeatUnavailable"], "Next": "Undo"}],
                    "ItemProcessor": {"StartAt": "Check",
                      "States": {"Check": {"Type": "Task", "Resource": "%sCheck", "End": true}}}},
                  "Undo": {"Type": "Pass", "End": true},
                  "Done": {"Type": "Succeed"}}}
                """.formatted(Asl.LAMBDA), "[1, 2, 3]");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("{\"Error\": \"SeatUnavailable\", \"Cause\": \"seat 2 is taken\"}"));
        assertThat(fixture.functions.calls()).as("item 3 never starts").hasSize(2);
        assertThat(fixture.eventTypes(execution)).contains("MapIterationFailed", "MapStateFailed", "MapStateExited");
    }

    @Test
    void legacyParametersAndIterator_actLikeItemSelectorAndItemProcessor() throws Exception {
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemsPath": "$.ids", "End": true,
                    "Parameters": {"id.$": "$$.Map.Item.Value", "position.$": "$$.Map.Item.Index", "batch.$": "$.batch"},
                    "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """, "{\"batch\": 7, \"ids\": [\"x\", \"y\"]}");

        assertThat(json(done.output())).isEqualTo(json("""
                [{"id": "x", "position": 0, "batch": 7}, {"id": "y", "position": 1, "batch": 7}]"""));
    }

    @Test
    void itemsPath_notAnArray_failsWithStatesRuntime() throws Exception {
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemsPath": "$.seats", "End": true,
                    "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """, "{\"seats\": \"A1\"}");

        assertThat(done.error()).isEqualTo("States.Runtime");
    }

    @Test
    void emptyItems_giveAnEmptyArray() throws Exception {
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "End": true,
                    "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """, "[]");

        assertThat(json(done.output())).isEqualTo(json("[]"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
