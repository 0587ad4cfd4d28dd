package io.prism.worker.gpucheck;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.examples.fraud.FraudScorer;
import io.prism.examples.fraud.Transaction;
import io.prism.examples.fraud.TransactionGenerator;
import io.prism.exception.ActorCallException;
import io.prism.exception.GpuMemoryBudgetExceededException;
import io.prism.resources.device.MemorySize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Step 5: an actor that allocates past its GPU memory budget gets an error, and only it: it keeps answering, and
 * so do the scorers beside it. The GPU is full with four quarter scorers, so the last scorer makes room for the
 * hog for the step's length and comes back afterwards.
 */
final class BudgetStep {
    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long SEED = 4_2024L;

    private final Prism prism;
    private final int gpu;
    private final Function<ActorHandle<?>, String> describeMps;

    /**
     * @param describeMps what the MPS daemon says of an actor's executor, e.g. "MPS client of server 4242"
     */
    BudgetStep(Prism prism, int gpu, Function<ActorHandle<?>, String> describeMps) {
        this.prism = prism;
        this.gpu = gpu;
        this.describeMps = describeMps;
    }

    /**
     * Runs the step on {@code scorers}, whose last one is replaced by a new scorer of the same name afterwards.
     *
     * @param create makes a scorer with the given name
     */
    boolean run(List<ActorHandle<FraudScorer>> scorers, Function<String, ActorHandle<FraudScorer>> create,
                CheckReport.Section section) {
        Transaction tx = new TransactionGenerator(SEED).next();
        List<ActorHandle<FraudScorer>> neighbours = scorers.subList(0, scorers.size() - 1);
        List<Float> before = scores(neighbours, tx);

        ActorHandle<FraudScorer> last = scorers.get(scorers.size() - 1);
        String lastName = last.name().orElse("the last scorer");
        last.kill();
        section.line(lastName + " stopped to make room on GPU " + gpu);
        ActorHandle<BudgetHog> hog = prism.actor(BudgetHog::new).name("budget-hog").placementTimeout(CALL).create();
        boolean passed;
        try {
            passed = check(hog, neighbours, tx, before, section);
        } finally {
            hog.kill();
        }
        ActorHandle<FraudScorer> back = create.apply(lastName);
        scorers.set(scorers.size() - 1, back);
        section.line(lastName + " started again on GPU " + back.placement().gpuIndex());
        if (passed && back.placement().gpuIndex() != gpu) {
            return section.fail(lastName + " came back on GPU " + back.placement().gpuIndex() + ", not GPU " + gpu);
        }
        return passed && section.pass("the allocation past its budget failed for budget-hog alone; "
            + neighbours.size() + " scorers kept answering");
    }

    private boolean check(ActorHandle<BudgetHog> hog, List<ActorHandle<FraudScorer>> neighbours, Transaction tx,
                          List<Float> before, CheckReport.Section section) {
        if (hog.placement().gpuIndex() != gpu) {
            return section.fail("budget-hog was placed on GPU " + hog.placement().gpuIndex() + ", not GPU " + gpu);
        }
        long budget = join(hog.call(BudgetHog::budget));
        section.line("budget-hog on GPU " + gpu + " (" + hog.placement().isolation() + ", "
            + describeMps.apply(hog) + "): budget " + MemorySize.format(budget) + ", MPS memory limit "
            + join(hog.call(BudgetHog::mpsMemoryLimit)));
        long within = join(hog.call(BudgetHog::allocateWithinBudget));
        section.line("allocated and freed " + MemorySize.format(within) + " within the budget");

        Throwable refused = hog.call(BudgetHog::allocatePastBudget).handle((ok, e) -> e)
            .orTimeout(CALL.toSeconds(), TimeUnit.SECONDS).join();
        if (!(unwrap(refused) instanceof ActorCallException call)
            || !call.remoteClassName().equals(GpuMemoryBudgetExceededException.class.getName())) {
            return section.fail("allocating past the budget gave "
                + (refused == null ? "no error" : unwrap(refused).toString())
                + "; expected " + GpuMemoryBudgetExceededException.class.getSimpleName());
        }
        section.line("allocating one byte more than is free: "
            + GpuMemoryBudgetExceededException.class.getSimpleName() + ": " + call.remote().remoteMessage());

        long held = join(hog.call(BudgetHog::memoryUsed));
        section.line("budget-hog still answers, holding " + MemorySize.format(held));
        List<Float> after = scores(neighbours, tx);
        if (!after.equals(before)) {
            return section.fail("the scorers answered " + after + " after the refused allocation, " + before
                + " before");
        }
        section.line(neighbours.size() + " scorers answer as before: " + after);
        return true;
    }

    private static List<Float> scores(List<ActorHandle<FraudScorer>> scorers, Transaction tx) {
        List<Float> scores = new ArrayList<>(scorers.size());
        for (ActorHandle<FraudScorer> scorer : scorers) {
            scores.add(join(scorer.call(FraudScorer::score, tx)));
        }
        return scores;
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.orTimeout(CALL.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
