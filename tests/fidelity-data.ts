// Fidelity data for the five normalized trip reports (content/reports/<report>.mdx).
// seed: file in tests/fixtures/seeds/; chrome: exact seed lines (trimmed) removed as page chrome;
// corrections: [seed text, text as it reads on the page after the editor's correction].
export const fidelity: { seed: string; report: string; chrome: string[]; corrections: [string, string][] }[] = [
  {
    "seed": "000_c9d492ac56acc14c.txt",
    "report": "kubecon-eu-2022-and-dok-day-anynines",
    "chrome": [
      "Paul Eichler",
      "Published at 28.06.2022",
      "Table of Contents",
      "K8s After the Honeymoon: It’s Complicated",
      "Please accept YouTube cookies to play this video. By accepting you will be accessing content from YouTube, a service provided by an external third party.",
      "If you accept this notice, your choice will be saved and the page will refresh.",
      "Accept YouTube Content",
      "Design Patterns For Extensible Controllers",
      "© anynines GmbH 2024",
      "Products & Services"
    ],
    "corrections": []
  },
  {
    "seed": "001_c587f809050a417e.txt",
    "report": "kubecon-eu-2022-peaks",
    "chrome": [
      "KubeCon",
      "Check all",
      "Career area",
      "Subscribe to the newsletter :",
      "These articles may interest you"
    ],
    "corrections": [
      [
        "more than 7 people",
        "more than 7,000 people"
      ]
    ]
  },
  {
    "seed": "002_51016d71e274926f.txt",
    "report": "kubecon-eu-2018-takeaways",
    "chrome": [
      "vsupalov",
      "KubeCon Europe 2018 Takeaways",
      "May 05, 2018",
      "Join the Mailing List",
      "Subscribe to get weekly updates and my latest articles by email.",
      "(About the content, privacy, analytics and revocation).",
      "We won't send you spam. Unsubscribe at any time.",
      "Powered By ConvertKit"
    ],
    "corrections": []
  },
  {
    "seed": "003_b23a27c6b58052f3.txt",
    "report": "containerdays-2022-what-i-learned",
    "chrome": [
      "I joined Container Days 2022",
      "1_srU_0OPiA-hC41mM7lbc7w.png",
      "Here’s what I learned",
      "Only registered users can post comments. Please, login or signup.",
      "Start blogging about your favorite technologies and get more readers",
      "Join other developers and claim your FAUN account now!",
      "Avatar",
      "Ioannis Petrousov",
      "PetrouSoft - a Hacker's mindset company",
      "@gpetrousov",
      "I'm a diverse technologist who enjoys solving problems.",
      "Stats",
      "15",
      "Influence",
      "412",
      "Total Hits",
      "1",
      "Posts",
      "Discussed tools"
    ],
    "corrections": [
      [
        "Namespase",
        "Namespace"
      ],
      [
        "kuberntes",
        "kubernetes"
      ],
      [
        "Contaner Days",
        "Container Days"
      ],
      [
        "CDKallows",
        "CDK allows"
      ],
      [
        "k8sGitOps",
        "k8s GitOps"
      ]
    ]
  },
  {
    "seed": "004_69be7ff4155ebc1e.txt",
    "report": "containerdays-2024-hamburg",
    "chrome": [
      "ContainerDays 2024, Hamburg",
      "- workspaces",
      "- agenda",
      "- k8s as an API layer",
      "-"
    ],
    "corrections": [
      [
        "21 Sep 2024 #conferencesThis was",
        "This was"
      ]
    ]
  }
];
