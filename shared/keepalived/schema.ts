import { z } from 'zod';

/**
 * One instance of alive.yaml as the platform guide documents it (section 软数据中心 LB 方案), plus
 * `alb`: the ALB2 whose nodes are the instance's backends, in place of `ipvs.ips` listed by hand.
 * Field names are alive.yaml's own. The types say what a field holds; what makes a value usable
 * (addresses, ranges, uniqueness) is checked by `templateProblems`, which names the field and line.
 */

const kubeLock = z.strictObject({
  /** kubeconfigs the image's kube-lock tries in turn to elect the VIP's holder. */
  kubecfgs: z.array(z.string()),
});

export const portSchema = z.strictObject({
  /** The VIP's port, which is also the real servers' port. */
  port: z.int().min(1).max(65535),
  /** keepalived.conf lines of the port's virtual_server block (delay_loop, lb_algo, lb_kind, protocol). */
  virtual_server_config: z.string().optional(),
  /** The health check block of every real server, e.g. `TCP_CHECK { connect_timeout 10 }`. */
  raw_check: z.string().optional(),
});
export type KeepalivedPort = z.infer<typeof portSchema>;

const ipvsSchema = z.strictObject({
  /** The backends (real servers): the addresses of the nodes the ALB runs on. */
  ips: z.array(z.string()).optional(),
  ports: z.array(portSchema).optional(),
});

export const instanceSchema = z.strictObject({
  vip: z.string(),
  /** VRRP virtual router id; the guide makes it optional for the image. */
  id: z.int().optional(),
  interface: z.string().optional(),
  /** Seconds between checks (image default 1). */
  check_interval: z.number().optional(),
  /** Seconds a check may take (image default 3). */
  check_timeout: z.number().optional(),
  name: z.string().optional(),
  /** Addresses of every keepalived host of the group. */
  peer: z.array(z.string()).optional(),
  kube_lock: kubeLock.optional(),
  /** `<name>` of an ALB2 in the ConfigMap's namespace, or `<namespace>/<name>`. */
  alb: z.string().optional(),
  ipvs: ipvsSchema.optional(),
});
export type KeepalivedInstance = z.infer<typeof instanceSchema>;

/** Instance defaults of the platform's image, used where a plain keepalived.conf needs a value. */
export const DEFAULT_CHECK_INTERVAL = 1;
export const DEFAULT_CHECK_TIMEOUT = 3;
