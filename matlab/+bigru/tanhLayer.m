function layer = tanhLayer(varargin)
%TANHLAYER  A hyperbolic tangent after a hidden fullyConnectedLayer.
%   layer = bigru.tanhLayer()
%   layer = bigru.tanhLayer('Name', name)
o = bigru.internal.nameValue('tanhLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('tanh', o.Name);
end
