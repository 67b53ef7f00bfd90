// The Ingress lesson's diagram: a request for node01:<nodePort>/bar reaches the ingress-nginx
// controller through its NodePort Service; nginx, configured from the Ingress rules, picks the
// Service by host and path and proxies straight to one of that Service's ready Pods.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function IngressDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="How an Ingress routes a request"
      desc="curl sends GET /bar to node01 on the ingress-nginx controller's NodePort. kube-proxy forwards it to the controller Pod in namespace ingress-nginx. nginx in that Pod is configured from the Ingress rules: /foo goes to the Service foo, /bar to the Service bar. It proxies the request to one ready Pod of the Service bar, which answers bar. A path no rule matches gets nginx's 404 Not Found; a Service without ready Pods gives 503."
      caption="One address for many Services: the Ingress holds the rules, the controller's nginx applies them."
    >
      <ArrowHead id="ing-arrow" />
      <Box x={20} y={30} w={170} h={50} title="curl node01:3xxxx/bar" note="Host: any" fill="#eef3fd" />
      <Box x={20} y={130} w={170} h={50} title="NodePort Service" note="ingress-nginx-controller" />
      <Arrow x1={105} y1={82} x2={105} y2={126} id="ing-arrow" />
      <Box x={260} y={130} w={200} h={50} title="controller Pod (nginx)" note="namespace ingress-nginx" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={192} y1={155} x2={256} y2={155} id="ing-arrow" />
      <Box x={260} y={30} w={200} h={50} title="Ingress echo (class nginx)" note="/foo → foo, /bar → bar" />
      <Arrow x1={360} y1={82} x2={360} y2={126} id="ing-arrow" />
      <Label x={470} y={60}>
        the controller watches Ingresses
      </Label>
      <Box x={540} y={100} w={200} h={44} title="Pods of Service foo" note="answer foo" fill="#eef3fd" />
      <Box x={540} y={170} w={200} h={44} title="Pods of Service bar" note="answer bar" fill="#eef3fd" stroke={GREEN} />
      <Arrow x1={462} y1={165} x2={536} y2={190} id="ing-arrow" />
      <line x1={20} y1={235} x2={740} y2={235} stroke={GREY} strokeDasharray="4 4" />
      <Label x={20} y={262}>
        No rule matches: nginx&apos;s 404 Not Found. The Service has no ready Pods: 503 Service Temporarily Unavailable.
      </Label>
    </Diagram>
  );
}
