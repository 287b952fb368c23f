/**
 * A purchase request: small amounts are approved at once; larger ones wait for a person. The
 * approval task publishes the request with its task token and waits (`.waitForTaskToken`) until
 * the approver's answer comes back through SendTaskSuccess / SendTaskFailure.
 */
export const purchaseApproval = {
  Comment: 'Purchase approval with a human in the loop',
  StartAt: 'Needs Approval?',
  States: {
    'Needs Approval?': {
      Type: 'Choice',
      Choices: [{ Variable: '$.amount', NumericGreaterThan: 500, Next: 'Ask Approver' }],
      Default: 'Auto Approved',
    },
    'Ask Approver': {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
      Parameters: {
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:approvals',
        Message: {
          'request.$': '$',
          'taskToken.$': '$$.Task.Token',
        },
      },
      // The approver has a day to answer.
      TimeoutSeconds: 86400,
      ResultPath: '$.decision',
      Catch: [
        { ErrorEquals: ['Approval.Rejected'], ResultPath: '$.rejection', Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], Next: 'Escalated' },
      ],
      Next: 'Approved',
    },
    'Auto Approved': {
      Type: 'Pass',
      Parameters: { 'purchase.$': '$', decision: { approver: 'policy', comment: 'under the limit' } },
      End: true,
    },
    Approved: {
      Type: 'Pass',
      Parameters: { 'purchase.$': '$', 'decision.$': '$.decision' },
      End: true,
    },
    Rejected: { Type: 'Fail', Error: 'Purchase.Rejected', CausePath: '$.rejection.Cause' },
    Escalated: { Type: 'Fail', Error: 'Purchase.Escalated', Cause: 'No answer within a day' },
  },
} as const;
