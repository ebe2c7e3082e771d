package org.wufei.gis.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.wufei.gis.common.Role;
import org.wufei.gis.sites.Evidence;
import org.wufei.gis.sites.Lifecycle;
import org.wufei.gis.sites.Transition;

/** Writes a plausible past for a demo site: the shortest lifecycle path to its status, dated and cited. */
final class DemoHistories {
    private static final Map<String, String> NOTES = Map.ofEntries(
            Map.entry("suspected", "遥感排查发现疑似点位"), Map.entry("assigned", "交办属地街道（镇）核查"),
            Map.entry("verifying", "已安排人员赴现场核查"), Map.entry("confirmed", "现场核查确认存在固废堆存"),
            Map.entry("dismissed", "现场核查为农用地膜覆盖，排除"), Map.entry("rectifying", "下达整改通知"),
            Map.entry("rectified", "堆存固废已清运完毕"), Map.entry("reviewed", "复核现场已清理到位"),
            Map.entry("closed", "整改销号"), Map.entry("in_use", "纳入尾矿库清单"), Map.entry("disused", "企业停产，尾矿库停用"),
            Map.entry("closing", "启动闭库治理"), Map.entry("written_off", "闭库验收后销号"),
            Map.entry("creating", "启动绿色矿山创建"), Map.entry("applied", "提交绿色矿山申报材料"),
            Map.entry("listed", "纳入绿色矿山名录"), Map.entry("delisted", "整改不到位，移出名录"),
            Map.entry("planned", "纳入收储运体系规划"), Map.entry("building", "开工建设"), Map.entry("operating", "建成运营"),
            Map.entry("suspended", "季节性停运"), Map.entry("revoked", "撤销点位"));
    private static final String[] MODES = {"immediate", "deadline", "supervised"};

    private final SplittableRandom rnd;
    private final Instant start;

    DemoHistories(long seed, Instant start) {
        this.rnd = new SplittableRandom(seed);
        this.start = start;
    }

    List<HistoryStep> to(Lifecycle lifecycle, String target, String code) {
        List<Transition> path = path(lifecycle, target);
        List<HistoryStep> steps = new ArrayList<>();
        Instant at = start.plus(rnd.nextInt(200), ChronoUnit.DAYS).plus(rnd.nextInt(36_000), ChronoUnit.SECONDS);
        for (Transition t : path) {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            String mode = t.modeRequired() ? MODES[rnd.nextInt(MODES.length)] : null;
            LocalDate deadline = t.deadline() != null && t.deadline().required() ? day.plusDays(30 + rnd.nextInt(90))
                    : null;
            steps.add(new HistoryStep(t.to(), at, actor(t), NOTES.getOrDefault(t.to(), t.to()),
                    evidence(t, code), mode, deadline));
            at = at.plus(5 + rnd.nextInt(40), ChronoUnit.DAYS).plus(rnd.nextInt(20_000), ChronoUnit.SECONDS);
        }
        return steps;
    }

    /** Breadth-first: the shortest chain of edges from a creation state to the target. */
    private static List<Transition> path(Lifecycle lifecycle, String target) {
        Map<String, Transition> reachedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Transition c : lifecycle.creations()) {
            if (!reachedBy.containsKey(c.to())) {
                reachedBy.put(c.to(), c);
                queue.add(c.to());
            }
        }
        while (!queue.isEmpty()) {
            String s = queue.poll();
            for (Transition t : lifecycle.from(s)) {
                if (!reachedBy.containsKey(t.to())) {
                    reachedBy.put(t.to(), t);
                    queue.add(t.to());
                }
            }
        }
        if (!reachedBy.containsKey(target)) {
            throw new IllegalArgumentException("Status " + target + " cannot be reached in " + lifecycle.kind());
        }
        List<Transition> path = new ArrayList<>();
        for (Transition t = reachedBy.get(target); ; t = reachedBy.get(t.from())) {
            path.add(0, t);
            if (t.isCreation()) {
                return path;
            }
        }
    }

    private static String actor(Transition t) {
        for (Role r : List.of(Role.INSPECTOR, Role.UPLOADER, Role.PLANNER)) {
            if (t.roles().contains(r)) {
                return r.name().toLowerCase();
            }
        }
        return "admin";
    }

    private List<Evidence> evidence(Transition t, String code) {
        List<Evidence> out = new ArrayList<>();
        for (String type : t.evidence()) {
            String name = Transition.ANY_EVIDENCE.equals(type) ? "document" : type;
            if (t.waivable().contains(type) && rnd.nextDouble() < 0.3) {
                out.add(new Evidence(type, null, null, "无主堆场，不适用"));
            } else {
                out.add(new Evidence(name, "demo:evidence/" + code + "/" + name + ".jpg", null, null));
            }
        }
        return out;
    }
}
