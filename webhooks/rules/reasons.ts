/**
 * Every reason a finding can carry, with what it means. A finding's reason must be one of these
 * (`Finding.reason` is typed `Reason`), so a new reason is added here, with its meaning, first.
 */
export const reasons = {
  AddressAvoided:
    "The requested LoadBalancer address is one avoidBuggyIPs takes out of its IPAddressPool (ending in .0 or .255, or a CIDR's network or broadcast address), so MetalLB never assigns it.",
  AddressInUse:
    'A LoadBalancer address is already requested or held by a Service it cannot be shared with, or a Service holds an address the changed IPAddressPool no longer covers.',
  AddressNotInRequestedPool:
    'The requested LoadBalancer address lies outside the IPAddressPool the Service asks for.',
  AddressOutsidePools:
    'The requested LoadBalancer address is inside no IPAddressPool, so MetalLB cannot assign it.',
  AddressRequired: 'An ALB2 needs an address: the IPs or domain names users reach it at.',
  AddressTaken: 'The fixed IP a Pod asks for is already allocated to another object in the Subnet.',
  AggregationTooShort:
    "A BGPAdvertisement's aggregation length is less specific than a pool's prefix, so it would announce addresses outside the pool.",
  AlbLabelRequired: 'A Frontend or ALB Rule lacks the label naming the ALB it belongs to.',
  AlbNotFound:
    'The ALB2 a Frontend belongs to, or whose nodes a keepalived instance forwards to, does not exist (yet).',
  AttachmentNotFound: 'A NetworkAttachmentDefinition that is referred to does not exist (yet).',
  BfdIpInSubnet: "A Vpc's BFD address falls inside one of the VPC's own Subnets.",
  Binary: 'A TLS Secret entry holds binary data (such as DER) where PEM text is required.',
  BoundCertificate:
    'The Secret is the certificate of a Domain: it must stay a TLS Secret, and deleting it takes HTTPS away from the Domain.',
  BuiltInSubnet: 'A built-in Kube-OVN Subnet cannot be deleted.',
  CascadingDelete: 'Deleting an ALB2 also deletes its Frontends and their Rules, which cannot be restored.',
  CertificateNameMismatch: 'The certificate does not cover the host name it is used for.',
  CertificateOnPlainFrontend:
    "An ALB Rule's certificate is never served, because its Frontend is not https or grpcs.",
  CertificateRequired: 'An https Frontend needs a certificate.',
  ChainOrder: 'The certificate chain is not ordered leaf first, then each issuer.',
  CidrConflict: "A Subnet's CIDR overlaps the CIDR of another Subnet it must not overlap.",
  CidrShrunk: "A Subnet's CIDR may only be expanded: a family's CIDR cannot be removed or narrowed.",
  CommunityNotFound: 'A BGP community is neither a valid value nor an alias defined by a Community object.',
  Conflicted: 'The target already has a SecurityPolicy at this level; the newer policy is refused.',
  ConflictingAddress: 'A BGPPeer sets both peerAddress and interface; only one may be set.',
  ConflictingAddresses: 'A Service requests addresses both by MetalLB annotation and by spec.loadBalancerIP.',
  ConflictingASN: 'A BGPPeer sets both peerASN and dynamicASN; only one may be set.',
  ConflictingBackends:
    'A keepalived instance both names an ALB2 (alb), whose nodes are its backends, and lists ipvs.ips.',
  ConflictingPassword: 'A BGPPeer sets both password and passwordSecret; only one may be set.',
  DefaultCertificateMissing:
    'An ALB2 with a defaultSSLStrategy has no defaultSSLCert, so Ingresses without a certificate get no https rules.',
  Duplicate: 'A MetalLB object lists the same entry (alias, pool, selector, namespace, ...) twice.',
  DuplicateAccessPoint: 'Two Ingresses of one namespace serve the same host, protocol and path.',
  DuplicateDomain: 'A Domain with this name already exists for the same cluster.',
  DuplicateFamily: 'A Service requests more than one LoadBalancer address of one IP family.',
  DuplicateInstanceName: 'Two keepalived instances of one template have the same name.',
  DuplicatePort: 'A keepalived instance configures the same port twice.',
  DuplicateService: 'An ALB service group lists the same Service twice.',
  DuplicateVip:
    'A keepalived VIP is the VIP of another instance, in the same template or in another keepalived ConfigMap.',
  DuplicateVrid: 'Two keepalived instances of one template have the same id (VRRP virtual router id).',
  EditedWhileConnected: `ovn-ic-config was edited while the cluster stays connected; the guide changes a connected cluster's interconnect settings by setting enable-ic to "false" first (or by deleting and re-applying the ConfigMap).`,
  EmptyPool: 'The MetalLB address-pool annotation is empty, so MetalLB picks any pool.',
  EncryptedKey: 'The TLS private key is encrypted; the Secret needs an unencrypted key.',
  ExcludeIpOutsideSubnet: "A Subnet's excludeIps entry is not inside its cidrBlock.",
  Expired: 'The certificate has expired.',
  ExpiringSoon: 'The certificate expires within the warning period (30 days).',
  FamilyMismatch: "A keepalived instance's peer or backend address is not of its VIP's IP family.",
  FrontendLabelRequired: 'An ALB Rule lacks the label naming the Frontend it belongs to.',
  FrontendName: 'A Frontend is not named `<alb>-<port as 5 digits>`.',
  FrontendNotFound: 'The Frontend an ALB Rule names does not exist (yet), so the Rule matches nothing.',
  FrontendOfOtherAlb: "An ALB Rule's Frontend belongs to another ALB than the one the Rule names.",
  FrontendOutsidePortRanges: "A Frontend's port is in none of the ALB2's port ranges.",
  GatewayUnreserved: "A Subnet's gateway address cannot be removed from its excludeIps.",
  HealthCheckRequired: 'A port of a keepalived instance has no health check (raw_check) for its backends.',
  HostAlreadyClaimed:
    "An older Route claims the same host and path; OpenShift's router serves only the oldest, and the migration converts only it.",
  HostnameConflict: 'Two listeners on one port and data plane have the same protocol family and hostname.',
  IgnoredAnnotation:
    'The ingress-nginx annotation is read from the controller ConfigMap, not from Ingresses; it has no effect.',
  IgnoredRouteAnnotation:
    'A router annotation of a Route has no effect on it (its kind of termination, or another annotation, keeps the router from using it).',
  InterconnectCidrConflict: "A Subnet's CIDR overlaps a CIDR of an interconnected cluster.",
  InterconnectSettingRequired:
    'ovn-ic-config lacks a setting the interconnect needs: az-name, and while enable-ic is "true" also ic-db-host and gw-nodes.',
  InterfaceRequired: 'A keepalived instance names no usable network interface to hold its VIP.',
  InvalidAddress: 'A value that must be an IP address (or, for an ALB2, an IP or DNS name) is not one.',
  InvalidAddresses: "An IPAddressPool's address entry is not a valid CIDR or address range.",
  InvalidAggregation: "A BGPAdvertisement's aggregation length exceeds the address size of its family.",
  InvalidAllowedRoutes: "A listener's allowedRoutes namespace selector is not a usable label selector.",
  InvalidAnnotation:
    'An Ingress annotation (ALB or ingress-nginx) has a value the controller does not accept.',
  InvalidAnnotationValue:
    "A cloud provider's LoadBalancer annotation has a value the provider does not document.",
  InvalidBackendProtocol: 'The backend protocol is not one the Frontend or ALB Rule can forward with.',
  InvalidBase64: 'A value under data of the Secret is not valid base64.',
  InvalidBoolean: 'A ConfigMap setting that must be "true" or "false" holds something else.',
  InvalidCACertificateRef:
    'A CA certificate reference of a policy names a ConfigMap or Secret that is missing or holds no PEM certificates under ca.crt.',
  InvalidCertificateRef:
    "A listener's certificate reference is missing, is not a core Secret, or names a Secret without tls.crt and tls.key.",
  InvalidCheckTiming:
    "A keepalived instance's check_interval or check_timeout is not a positive number of seconds.",
  InvalidCidr: 'A value that must be a CIDR (or an address) is not one.',
  InvalidCommunity:
    'A BGP community value is neither `<0-65535>:<0-65535>` nor `large:<uint32>:<uint32>:<uint32>`.',
  InvalidConfig: "A NetworkAttachmentDefinition's config is not a JSON object.",
  InvalidDomainName:
    "A Domain's name is not an RFC 1123 name, or its wildcard does not match its kind (full or wildcard).",
  InvalidDslx: "An ALB Rule's dslx match expression does not follow the dslx grammar.",
  InvalidExcludeIp: "A Subnet's excludeIps entry is not an address or address range.",
  InvalidGateway: "A Subnet's gateway is not an address, or not a usable gateway address of its CIDR.",
  InvalidHealthCheck:
    "A port's raw_check is not a keepalived health checker block (TCP_CHECK, HTTP_GET, ...) with matching braces.",
  InvalidHost:
    'An Ingress host is neither an exact DNS name nor a `*.` wildcard (IP addresses are not hosts).',
  InvalidInstanceName:
    "A keepalived instance's name holds other characters than letters, digits and hyphens, or starts with a hyphen.",
  InvalidIP: 'A value that must be an IP address (or a list of them) is not one.',
  InvalidIPs: "An IPPool's ips entry is not an address, range or CIDR.",
  InvalidKeepalivedTemplate:
    "The keepalived ConfigMap's template.yaml is missing, is not YAML, or does not have the shape of alive.yaml's instances.",
  InvalidKind: 'A reference names a kind it cannot refer to.',
  InvalidMAC: 'The MAC address a Pod asks for is not a MAC address.',
  InvalidNetworks: "A Pod's attachment networks annotation cannot be parsed.",
  InvalidParameters:
    "A Gateway's infrastructure.parametersRef does not name an EnvoyProxy, or names one that does not exist (yet).",
  InvalidPath: 'An Ingress path of pathType Exact or Prefix does not start with "/".',
  InvalidPem: 'A TLS Secret entry is not parseable PEM.',
  InvalidPort: 'A port setting is not a whole number from 1 to 65535.',
  InvalidPortProjects: "An ALB2's portProjects is not a valid list of port ranges and projects.",
  InvalidPriority:
    'An ALB rule-priority annotation has a malformed key or a priority that is not an integer 0-10.',
  InvalidReplicas: "An ALB2's replicas is less than 1.",
  InvalidRoute: "A NetworkAttachmentDefinition's route has an invalid destination or gateway.",
  InvalidRouteAnnotation:
    "A router annotation of a Route has a value OpenShift's router does not accept; the router ignores it and keeps its default.",
  InvalidRouteKinds: "A listener's allowedRoutes names route kinds its protocol cannot carry.",
  InvalidRouterID: "A BGPPeer's routerID is not an IPv4 address in dotted form.",
  InvalidRule: 'A TCPRoute or UDPRoute does not have exactly one rule, as the platform requires.',
  InvalidSelector: 'A label selector of a MetalLB object is not usable.',
  InvalidSessionAffinity: "An ALB service group's session affinity policy is not sip-hash, cookie or header.",
  InvalidTargetNamespace:
    "A policy's targetRef names another namespace; policies attach only within their own.",
  InvalidTimer: "A BGPPeer's holdTime, keepaliveTime or connectTime is malformed or out of range.",
  InvalidTLSConfig: 'A TLS listener in Passthrough mode has certificates, which it never uses.',
  InvalidVirtualServerConfig:
    "A port's virtual_server_config has unmatched braces or lists real servers, which are rendered from the backends.",
  InvalidVrid:
    "A keepalived instance's id is not a VRRP virtual router id 1-255 (or is missing where keepalived.conf needs it).",
  IPPoolConflict: 'An IPPool overlaps another IPPool of the same Subnet.',
  IPPoolNotFound: 'The Kube-OVN IPPool a Pod names in its ip_pool annotation does not exist (yet).',
  IPPoolOfOtherSubnet:
    "The Kube-OVN IPPool a Pod names belongs to another Subnet than the Pod's, so the Pod would get an address of another network.",
  KeyMismatch: 'The TLS private key does not match the public key of the first certificate.',
  MalformedObject:
    'A stored object the review read does not conform to its schema; only its conforming parts were used.',
  MissingAddress: 'A BGPPeer has neither peerAddress nor interface.',
  MissingASN: 'A BGPPeer lacks its local ASN (myASN) or its peer ASN (peerASN or dynamicASN).',
  MissingCidr: 'A Subnet has no cidrBlock.',
  MissingKey: 'A TLS Secret lacks tls.crt or tls.key, or holds an empty one.',
  MissingName: 'A Community alias has no name.',
  MultiHopOnIBGP: 'A BGPPeer enables eBGP multi-hop on an iBGP session.',
  NamespaceBoundTwice: 'A namespace is bound to more than one Subnet.',
  NamespaceOutsideVpc: "A Subnet binds a namespace that is not one of its Vpc's namespaces.",
  NameTaken: 'A Vpc and a Subnet may not share a name.',
  NoAddresses: 'An IPAddressPool defines no addresses.',
  NoBackends:
    'A keepalived instance has ports but neither names an ALB2 (alb) nor lists backends (ipvs.ips).',
  NodeAddressConflict: "A Subnet's CIDR contains the InternalIP of a Node.",
  NodeExcluded: 'A ProviderNetwork lists a node both in a custom interface and in excludeNodes.',
  NodeNotFound: 'A Node that is named does not exist (yet).',
  NodePortConflict: 'The nodePort is already allocated to another Service.',
  NodePortOutOfRange: 'The nodePort is outside the node port range.',
  NodesWithoutPeer:
    'Nodes would announce MetalLB addresses over BGP without holding a BGP session with a peer.',
  NoMatchingListenerHostname: "No hostname of the parent's listeners intersects the route's hostnames.",
  NoMatchingParent:
    'The parent a route refers to, or the listener it selects by sectionName or port, does not exist.',
  NotAllowed: 'The parent Gateway does not accept ListenerSets from this namespace (spec.allowedListeners).',
  NotAllowedByListeners: "No listener of the parent admits the route's kind from its namespace.",
  NotExcluded:
    'Addresses of an IPAddressPool inside an underlay Subnet are not reserved in its excludeIps, so Kube-OVN could hand them to Pods.',
  NotLoadBalancer: 'MetalLB annotations on a Service that is not of type LoadBalancer have no effect.',
  NotYetValid: 'The certificate is not valid yet.',
  NoWeightedService: 'Every Service of an ALB service group has weight 0, so none receives traffic.',
  OrphanedRules: 'ALB Rules still name the Frontend being deleted and stop matching.',
  OutsideSubnet: 'An address or range lies outside the CIDR of the Subnet it belongs to.',
  OutsideUnderlaySubnet:
    'An IPAddressPool entry reaches beyond the underlay Subnet (enableExternalLBAddress) it overlaps.',
  ParentNotFound: 'The Gateway a ListenerSet attaches to does not exist (yet).',
  PeerInUse: 'A BGPAdvertisement announces to the BGPPeer being deleted by name.',
  PeerNotFound: 'A BGPPeer a BGPAdvertisement names does not exist (yet).',
  PoolAdvertised: 'A BGP or L2 advertisement names the IPAddressPool being deleted.',
  PoolInUse: 'A Service asks for the IPAddressPool being deleted by annotation.',
  PoolNotForService:
    "The IPAddressPool's serviceAllocation leaves out the Service's namespace or labels, so MetalLB assigns it no address from that pool.",
  PoolNotFound: 'The IPAddressPool that is named does not exist (yet).',
  PoolOverlap: 'An IPAddressPool entry overlaps another entry of the same or another pool.',
  PortNotAssigned: "A Frontend's port is in none of its ALB2's port ranges.",
  PortOfOtherProject: "A Frontend's port is in a port range of the ALB2 assigned to other projects.",
  PortProjectsIgnored: "An ALB2's portProjects has no effect while enablePortProject is not true.",
  PriorityTargetMissing: 'An ALB rule-priority annotation names a rule or path the Ingress does not have.',
  ProjectsRequired: 'An ALB2 needs at least one project unless it assigns ports to projects.',
  ProtocolConflict: 'Two listeners on one port and data plane have protocols that cannot share it.',
  ProtocolMismatch: "A Subnet's protocol does not match the IP families of its cidrBlock.",
  ProviderMismatch:
    "A NetworkAttachmentDefinition's provider or ipam.provider is not the one Kube-OVN expects for it.",
  ProviderNotFound: 'The ProviderNetwork a Vlan names does not exist (yet).',
  RefNotPermitted: 'No ReferenceGrant in the referenced namespace permits the cross-namespace reference.',
  ReservedAddresses:
    "A Subnet's CIDR overlaps a special-purpose address block (such as loopback, link-local or multicast).",
  RuleOnL4Frontend: 'An ALB Rule names a Frontend whose protocol takes no Rules (tcp or udp).',
  RulesOnL4Frontend: 'A tcp or udp Frontend takes no Rules, but Rules name it.',
  SecretNotFound: 'The certificate Secret that is named does not exist.',
  ServiceCidrConflict: "A Subnet's CIDR overlaps the cluster's Service CIDR.",
  ServiceGroupRequired: 'A Frontend forwarding to its service group has no service in it.',
  SessionAffinityAttributeRequired:
    'Session affinity by cookie or header needs the cookie or header name in `session_affinity_attribute`.',
  ShadowedAnnotation: 'A deprecated MetalLB annotation is ignored because its current name is set too.',
  SubnetInUse: 'A Subnet with allocated addresses cannot be deleted or have its gateway changed.',
  SubnetNotFound: 'The Subnet that is named, or that serves the provider, does not exist (yet).',
  TargetNotFound: "A policy's target, or the listener or port its sectionName names, does not exist (yet).",
  TooFewPeers:
    "A keepalived instance lists fewer than two LB hosts (peer) of its VIP's family, so its VIP cannot fail over.",
  TrafficPolicyNotExternal:
    'externalTrafficPolicy Local needs type NodePort or LoadBalancer (or externalIPs).',
  UnderlayIPv6:
    'An IPAddressPool entry inside an underlay Subnet (enableExternalLBAddress) is IPv6; underlay LoadBalancer addresses must be IPv4.',
  UnknownField:
    'A field the kind does not have, in an object whose CRD keeps unknown fields: the API server stores it, but it has no effect (often a field written at the wrong level; the finding names the field probably meant).',
  UnsupportedProtocol: "A listener's protocol is not one the platform serves (HTTP, HTTPS, TLS, TCP, UDP).",
  UnsupportedValue:
    'A field holds a value the platform does not support, such as a GRPCRoute filter other than the one it serves.',
  UnusableAddress:
    'The address is the network, broadcast or gateway address of its Subnet, which Kube-OVN never hands out, not even as a fixed address.',
  VipConflict: "A keepalived VIP is also an LB host's (peer) or a backend's own address.",
  VlanConflict: 'The VLAN id is already used on the same provider by another Vlan.',
  VlanNotFound: 'The Vlan a Subnet names does not exist (yet).',
  VpcImmutable: "A Subnet's vpc cannot change.",
  VpcInUse: 'A Vpc that still holds Subnets cannot be deleted.',
  WrongNamespace: 'A MetalLB object is outside the MetalLB namespace, where MetalLB ignores it.',
  WrongType: 'The Secret is not of type kubernetes.io/tls.',
  ZoneNameTaken:
    'The az-name of ovn-ic-config is the name of an availability zone that already exists in the interconnect southbound database.',
  ZoneRenamed:
    'An update of ovn-ic-config changes az-name: the interconnect gets a new zone and the old one stays in its database.',
  ZonesUnknown:
    "The interconnect database's availability zones are not known to acpnet (the interconnect-cidrs function has not written kube-system/acpnet-interconnect-zones), so an az-name could not be checked against them.",
} as const;

export type Reason = keyof typeof reasons;
