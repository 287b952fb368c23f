/**
 * A definition the way services are usually written: Lambda results read
 * through ResultSelector and placed by ResultPath, compared and passed on
 * later, a Map over nested items, a catcher and intrinsic calls.
 */
export const fulfilmentDefinition = {
  Comment: 'Order fulfilment',
  StartAt: 'Validate',
  States: {
    Validate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'validate', 'Payload.$': '$.order' },
      ResultSelector: { 'valid.$': '$.Payload.valid', 'reason.$': '$.Payload.reason' },
      ResultPath: '$.validation',
      Next: 'Valid?',
    },
    'Valid?': {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.validation.valid', BooleanEquals: true },
            { Variable: '$.order.total', NumericLessThanEqualsPath: '$.limits.max' },
          ],
          Next: 'Charge',
        },
      ],
      Default: 'Reject',
    },
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: 'charge',
        Payload: { 'amount.$': '$.order.total', 'customer.$': '$.order.customer.id' },
      },
      ResultPath: '$.charge',
      Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Refund' }],
      Next: 'Ship',
    },
    Ship: {
      Type: 'Map',
      ItemsPath: '$.order.lines',
      MaxConcurrency: 5,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Pick',
        States: {
          Pick: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:region:account-id:function:Pick',
            Parameters: { 'sku.$': '$.sku', 'qty.$': '$.qty' },
            End: true,
          },
        },
      },
      ResultPath: '$.shipments',
      Next: 'Notify',
    },
    Notify: {
      Type: 'Pass',
      Parameters: {
        'message.$': "States.Format('Order {} charged {}', $.order.id, $.charge.Payload.receipt)",
      },
      End: true,
    },
    Refund: { Type: 'Fail', Error: 'ChargeFailed', CausePath: '$.error.Cause' },
    Reject: { Type: 'Fail', Error: 'Invalid', CausePath: '$.validation.reason' },
  },
};
