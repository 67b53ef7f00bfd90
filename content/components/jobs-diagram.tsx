// The Jobs lesson's diagram: a CronJob creates a Job per tick, a Job creates Pods until enough
// succeed (parallelism at a time), finished Pods stay Completed for their logs.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function JobsDiagram() {
  return (
    <Diagram
      width={760}
      height={270}
      title="CronJob, Job and Pods"
      desc="A CronJob with schedule every minute creates one Job at each tick, named after the CronJob and the scheduled minute. A Job with completions 6 and parallelism 3 runs three Pods at a time; each Pod that exits with code 0 counts as a completion, and a failed Pod is replaced up to backoffLimit times. Finished Pods stay with status Completed so their logs can be read, until the Job is deleted."
      caption="A CronJob makes Jobs on a schedule; a Job makes Pods until enough of them succeed."
    >
      <ArrowHead id="jobs-arrow" />
      <Box x={20} y={30} w={180} h={56} title="CronJob tick" note='schedule: "*/1 * * * *"' fill="#eef3fd" />
      <Box x={270} y={20} w={190} h={40} title="Job tick-29412345" note="12:45" />
      <Box x={270} y={70} w={190} h={40} title="Job tick-29412346" note="12:46" />
      <Arrow x1={202} y1={52} x2={266} y2={40} id="jobs-arrow" />
      <Arrow x1={202} y1={62} x2={266} y2={90} id="jobs-arrow" />
      <Label x={20} y={112}>
        one Job per tick; old ones pruned by the history limits
      </Label>
      <line x1={20} y1={135} x2={740} y2={135} stroke={GREY} strokeDasharray="4 4" />
      <Box x={20} y={160} w={180} h={56} title="Job batch" note="completions 6, parallelism 3" fill="#eef3fd" />
      {[0, 1, 2].map((i) => (
        <Box key={`done-${i}`} x={270 + i * 80} y={150} w={72} h={36} title="Pod" note="Completed" fill="#e6f4ea" stroke={GREEN} />
      ))}
      {[0, 1, 2].map((i) => (
        <Box key={`run-${i}`} x={270 + i * 80} y={196} w={72} h={36} title="Pod" note="Running" />
      ))}
      <Arrow x1={202} y1={188} x2={266} y2={188} id="jobs-arrow" />
      <Label x={520} y={172}>
        3 succeeded of 6
      </Label>
      <Label x={520} y={218}>
        3 running (parallelism)
      </Label>
      <Label x={20} y={255}>
        A Pod that fails is replaced, up to backoffLimit; then the Job is Failed.
      </Label>
    </Diagram>
  );
}
