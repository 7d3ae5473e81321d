function layer = gruLayer(numHiddenUnits, varargin)
%GRULAYER  A GRU layer reading the sequence forward (one direction).
%   layer = bigru.gruLayer(numHiddenUnits, Name, Value, ...)
%   'OutputMode'     'sequence' (default) or 'last'
%   'ResetGateMode'  'after-multiplication' (default), 'recurrent-bias-after-multiplication' or
%                    'before-multiplication'
%   'Name'           layer name
o = bigru.internal.nameValue('gruLayer', struct('Name', '', 'OutputMode', 'sequence', ...
    'ResetGateMode', 'after-multiplication'), varargin);
if nargin < 1
  error('bigru:invalidArgument', 'gruLayer: numHiddenUnits is required');
end
layer = bigru.internal.layer('gru', o.Name, ...
    'NumHiddenUnits', bigru.internal.count(numHiddenUnits, 'gruLayer', 'numHiddenUnits'), ...
    'OutputMode', bigru.internal.choice(o.OutputMode, 'gruLayer', 'OutputMode', {'sequence', 'last'}), ...
    'ResetGateMode', bigru.internal.choice(o.ResetGateMode, 'gruLayer', 'ResetGateMode', ...
        {'after-multiplication', 'recurrent-bias-after-multiplication', 'before-multiplication'}));
end
